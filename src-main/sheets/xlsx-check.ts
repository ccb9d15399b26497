/**
 * A read-back workbook compared with the package it was exported for: sheets of another draw or package, and
 * entities of the package with no sheet in the file.
 */
import type { SheetPackage } from '@shared/domain/sheets';
import type { ParsedWorkbook, WorkbookProblem } from './xlsx-read';

export function packageProblems(
  parsed: ParsedWorkbook,
  drawId: number,
  pkg: SheetPackage,
  file: string,
): WorkbookProblem[] {
  const problems: WorkbookProblem[] = [];
  const expected = new Map(pkg.entities.map((e) => [e.entityId, e]));
  for (const sheet of parsed.sheets) {
    if (sheet.drawId !== drawId) {
      problems.push({
        file,
        sheet: '',
        cell: '',
        reason: `工作簿中有来自另一次抽取（抽取编号 ${sheet.drawId}）的表，不是本次抽取（编号 ${drawId}）的一户一表`,
      });
    } else if (!expected.has(sheet.entityId)) {
      problems.push({
        file,
        sheet: '',
        cell: '',
        reason: `工作簿中有不属于第 ${pkg.no} 包的检查对象（编号 ${sheet.entityId}）`,
      });
    }
  }
  const seen = new Set(parsed.sheets.map((s) => s.entityId));
  for (const e of pkg.entities) {
    if (!seen.has(e.entityId)) {
      problems.push({ file, sheet: '', cell: '', reason: `缺少检查对象“${e.name}”的工作表（第 ${pkg.no} 包）` });
    }
  }
  return problems;
}
