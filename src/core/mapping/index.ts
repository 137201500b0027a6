// The column mapping's public surface, for the task pane's mapping step and the CLI: the format, the suggestion,
// the preview and the check. All pure: raw workbook and plain JSON in, plain data out.
export {
  MAPPING_VERSION,
  MIGRATIONS,
  mappingJson,
  parseMapping,
  sectionName,
  type MappingLayout,
  type MappingSource,
  type SectionMapping,
  type TrackerMapping,
} from "./format";
export type { LocatedTable } from "../read/located";
export { findMonthHeaderRow, isMonthHeader } from "../read/months-across";
export { programmeOfSheet } from "../read/sources";
export {
  previewMapping,
  readWithMapping,
  validateMapping,
  type MappingPreview,
  type PreviewCell,
} from "./preview";
export {
  ACCEPT_CONFIDENCE,
  CHECK_CONFIDENCE,
  suggestMapping,
  type FieldSuggestion,
  type MappingSuggestion,
  type SectionSuggestion,
  type SourceSuggestion,
} from "./suggest";
