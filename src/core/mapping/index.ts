// The column mapping's public surface, for the task pane's mapping step and the CLI: the format, the suggestion,
// the preview and the check. All pure: raw workbook and plain JSON in, plain data out.
export {
  MAPPING_VERSION,
  MIGRATIONS,
  mappingJson,
  parseMapping,
  type MappingLayout,
  type MappingSource,
  type SectionMapping,
  type TrackerMapping,
} from "./format";
export { findMonthHeaderRow } from "../read/months-across";
export { previewMapping, validateMapping, type MappingPreview } from "./preview";
export { CHECK_CONFIDENCE, suggestMapping, type MappingSuggestion } from "./suggest";
