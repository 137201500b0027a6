// The floor for `bench/part-cli.ts`: read a workbook with ExcelJS and write it back out, nothing else.
import ExcelJS from "exceljs";

async function main(): Promise<void> {
  const [input, output] = process.argv.slice(2);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(input);
  await wb.xlsx.writeFile(output);
}

void main();
