// Renders an .xlsx through LibreOffice (to PDF) and poppler (to PNG pages), to see a written file as a reader would.
// Used by scripts/render.ts and the LibreOffice tests; each run gets its own LibreOffice profile so runs can overlap.
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/** Path of the LibreOffice binary, or null when it is not installed. */
export function findSoffice(): string | null {
  for (const candidate of [
    process.env.SOFFICE,
    "/usr/bin/soffice",
    "/usr/local/bin/soffice",
    "/usr/bin/libreoffice",
  ]) {
    if (candidate && existsSync(candidate)) return candidate;
  }
  return null;
}

/** Converts an .xlsx to PDF in outDir and returns the PDF path. Throws with a plain message when it cannot. */
export async function convertToPdf(xlsxPath: string, outDir: string = dirname(xlsxPath)): Promise<string> {
  const soffice = findSoffice();
  if (!soffice) {
    throw new Error(
      "LibreOffice (soffice) is not installed: install the libreoffice-calc package to render files.",
    );
  }
  const profile = mkdtempSync(join(tmpdir(), "ps-lo-profile-"));
  try {
    await run(
      soffice,
      [
        `-env:UserInstallation=file://${profile}`,
        "--headless",
        "--norestore",
        "--convert-to",
        "pdf",
        "--outdir",
        outDir,
        xlsxPath,
      ],
      { timeout: 90_000 },
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  const pdf = join(outDir, basename(xlsxPath).replace(/\.xlsx$/i, "") + ".pdf");
  if (!existsSync(pdf)) throw new Error(`LibreOffice did not produce ${pdf}`);
  return pdf;
}

/**
 * Text of a PDF, pages separated by form feeds. In reading order by default, which keeps a wrapped cell's lines
 * together while the next column's text stands clear of them; `raw` in the order LibreOffice draws it, cell by cell
 * (pdftotext -raw), which keeps them together however close the columns are; `layout` keeps the page's columns side
 * by side instead (pdftotext -layout).
 */
export async function pdfText(
  pdfPath: string,
  options: { layout?: boolean; raw?: boolean } = {},
): Promise<string> {
  const mode = options.layout ? ["-layout"] : options.raw ? ["-raw"] : [];
  const args = [...mode, pdfPath, "-"];
  const { stdout } = await run("pdftotext", args, { maxBuffer: 32 * 1024 * 1024 });
  return stdout;
}

/** Writes one PNG per page next to the PDF ("<name>-1.png", ...) and returns their paths in page order. */
export async function pdfToPngs(pdfPath: string, dpi: number): Promise<string[]> {
  const prefix = pdfPath.replace(/\.pdf$/i, "");
  await run("pdftoppm", ["-png", "-r", String(dpi), pdfPath, prefix]);
  const dir = dirname(pdfPath);
  const stem = basename(prefix);
  const pageNo = (f: string) => Number(/-(\d+)\.png$/.exec(f)?.[1] ?? 0);
  return readdirSync(dir)
    .filter((f) => f.startsWith(`${stem}-`) && /-\d+\.png$/.test(f))
    .sort((a, b) => pageNo(a) - pageNo(b))
    .map((f) => join(dir, f));
}
