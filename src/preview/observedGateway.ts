// Wraps a gateway so the preview hears when the workbook may have changed (a refresh, a selection, saved settings or mapping)
// and can redraw its grid; the pane itself is none the wiser.
import type { WorkbookGateway } from "../excel/api";

export function observedGateway(inner: WorkbookGateway, changed: () => void): WorkbookGateway {
  return {
    async refresh(options) {
      try {
        return await inner.refresh(options);
      } finally {
        changed();
      }
    },
    async selectRange(sheet, address) {
      try {
        return await inner.selectRange(sheet, address);
      } finally {
        changed();
      }
    },
    loadSettings: () => inner.loadSettings(),
    async saveSettings(settings) {
      await inner.saveSettings(settings);
      changed();
    },
    loadLastOutcome: () => inner.loadLastOutcome(),
    readRaw: () => inner.readRaw(),
    loadMapping: () => inner.loadMapping(),
    async saveMapping(mapping) {
      await inner.saveMapping(mapping);
      changed();
    },
    readSummary: (options) => inner.readSummary(options),
    watchWorkbook: (listener) => inner.watchWorkbook(listener),
    async saveReviewNote(note, expected) {
      try {
        return await inner.saveReviewNote(note, expected);
      } finally {
        changed();
      }
    },
  };
}
