// The names of the months in English, written once: the dates the reader accepts ("7 January 2025", "Dec-24"),
// the months the pane and the CLI show ("Dec-24"), a chart's alternative text ("December 2024") and the in-memory
// Excel's mmm and mmmm date formats all read them from here.

/** January to December (index 0 is January). */
export const MONTH_NAMES: readonly string[] = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** "Jan" to "Dec", as Excel's mmm format and the "Dec-24" month labels write them. */
export const MONTH_ABBREVIATIONS: readonly string[] = MONTH_NAMES.map((name) => name.slice(0, 3));
