// Text contrast as WCAG 2.2 defines it (success criterion 1.4.3): the relative luminance of two sRGB colours and
// their ratio. The page's palette is checked against it (tests/layout/contrast.test.ts) and so is every written file.

/** Relative luminance of "#RRGGBB" (0 black to 1 white). */
export function luminance(hex: string): number {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (!m) throw new Error(`"${hex}" is not a colour #RRGGBB`);
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => {
    const c = parseInt(h, 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The least contrast the page's text has on its fill: WCAG AA's 4.5:1, kept for large text too. */
export const MIN_TEXT_CONTRAST = 4.5;

/** Contrast ratio of two colours, 1 (none) to 21 (black on white). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}
