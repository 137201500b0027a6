// Number formats of an .xlsx: the built-in ones by id (as ExcelJS names them, so the figures read the same as
// before), the workbook's own, and whether a format shows a date (for the 1904 date system).

/** Built-in number formats (ECMA-376 Part 1, 18.8.30) for the ids Excel writes without a <numFmt>. */
export const BUILT_IN_FORMATS: Readonly<Record<number, string>> = {
  0: "General",
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: 'm/d/yy "h":mm',
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00 ;(#,##0.00)",
  40: "#,##0.00 ;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
};

/** East Asian built-in date formats (27-36, 50-58) have no one code; they are dates all the same. */
const BUILT_IN_DATE_IDS = new Set([
  27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58,
]);

/** Whether a format code shows a date or time: d, m, y, h or s outside quotes, brackets and escapes. */
function isDateFormat(code: string): boolean {
  if (code === "General" || code === "@") return false;
  const bare = code
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[(?!h\]|hh\]|m\]|mm\]|s\]|ss\])[^\]]*]/gi, "");
  return /[dmyhs]/i.test(bare.replace(/E[+-]/g, ""));
}

export function isDateFormatId(id: number, code: string): boolean {
  return BUILT_IN_DATE_IDS.has(id) || isDateFormat(code);
}
