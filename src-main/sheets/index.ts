export { loadSheets } from './load';
export { renderDrawPdf, renderPackagePdf, writeSheetPdfs, type PdfSinks, type SheetsPdfOptions } from './pdf-render';
export { renderPackageWorkbook } from './xlsx-write';
export { parseFilledWorkbook, type ParsedWorkbook, type WorkbookProblem } from './xlsx-read';
export { packageProblems } from './xlsx-check';
export { exportSheets, writeDrawSheets } from './export';
