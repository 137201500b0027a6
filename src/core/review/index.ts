// The review: notes people keep on the summary (variances explained, data queries acknowledged), their sheet's
// layout and the rules that match them to what they explain. Pure: the gateway reads and writes the sheet.
export * from "./notes-sheet";
export * from "./review";
export * from "./notes-file";
