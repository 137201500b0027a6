// Renders a workbook as it would print: LibreOffice makes a PDF next to the .xlsx, poppler makes PNG pages from it.
// Usage: npx tsx scripts/render.ts <file.xlsx>   (prints the paths written)
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { convertToPdf, pdfToPngs } from "../src/xlsx/libreoffice";

async function main(): Promise<number> {
  const file = process.argv[2];
  if (!file) {
    console.error(
      "Give the workbook to render, for example: npx tsx scripts/render.ts out/portfolio-summary.xlsx",
    );
    return 2;
  }
  const xlsx = resolve(file);
  if (!existsSync(xlsx)) {
    console.error(`There is no file at ${xlsx}. Check the path and try again.`);
    return 2;
  }
  const pdf = await convertToPdf(xlsx);
  console.log(pdf);
  for (const png of await pdfToPngs(pdf, 110)) console.log(png);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(1);
  },
);
