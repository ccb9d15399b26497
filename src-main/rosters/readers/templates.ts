/**
 * Blank import templates, one per roster: the header the importer maps without asking, a comment on every header
 * cell saying what goes there, code and phone columns pre-formatted as text (so Excel never turns an 18-digit
 * code into 9.1E+17), drop-down lists for the enumerated columns, and a 填写说明 sheet.
 */
import ExcelJS from 'exceljs';
import {
  CREDIT_GRADES,
  ENTITY_TYPES,
  EXPERT_STATUSES,
  INSPECTOR_STATUSES,
  REG_STATUSES,
  ROSTER_LABELS,
  type RosterKind,
} from '@shared/domain/rosters';
import { FIELDS_BY_KIND } from '@shared/import/fields';
import { columnLetter } from '@shared/import/grid';
import { writeThenRename } from '../../app/safe-write';

/** Columns Excel must keep as text. */
const TEXT_COLUMNS = new Set(['uscc', 'regNo', 'phone', 'badgeNo', 'idOrCertNo', 'seqNo']);

/** Drop-down choices per kind and field. */
const CHOICES: Partial<Record<RosterKind, Record<string, readonly string[]>>> = {
  entities: { entityType: ENTITY_TYPES, creditGrade: CREDIT_GRADES, regStatus: REG_STATUSES },
  inspectors: { status: INSPECTOR_STATUSES },
  experts: { status: EXPERT_STATUSES },
  items: { level: ['一般检查事项', '重点检查事项'] },
};

/** exceljs 4.4 has worksheet.dataValidations (one rule for a whole range) at run time but not in its typings. */
interface RangeValidations {
  dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void };
}

/** Rows the text format and the drop-downs cover. */
const PREPARED_ROWS = 5000;

export function templateFileName(kind: RosterKind): string {
  return `${ROSTER_LABELS[kind]}导入模板.xlsx`;
}

export function buildImportTemplate(kind: RosterKind): ExcelJS.Workbook {
  const fields = FIELDS_BY_KIND[kind];
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'ssj-desk';
  const sheet = workbook.addWorksheet(ROSTER_LABELS[kind], { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = fields.map((f) => ({
    header: f.label,
    key: f.key,
    width: Math.min(60, Math.max(12, f.label.length * 2 + 4, f.key === 'basis' || f.key === 'name' ? 40 : 0)),
    style: TEXT_COLUMNS.has(f.key) ? { numFmt: '@' } : {},
  }));
  const header = sheet.getRow(1);
  header.height = 24;
  fields.forEach((field, i) => {
    const cell = header.getCell(i + 1);
    cell.font = { bold: true, color: { argb: field.required ? 'FFC00000' : 'FF000000' } };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
    cell.alignment = { vertical: 'middle', horizontal: 'center' };
    const choices = CHOICES[kind]?.[field.key];
    const lines = [
      field.required ? `${field.label}（必填）` : field.label,
      field.hint,
      choices ? `可选值：${choices.join(' / ')}` : '',
      `最多 ${field.maxLength} 个字符。`,
    ].filter(Boolean);
    cell.note = { texts: [{ text: lines.join('\n') }] };
    if (choices) {
      const letter = columnLetter(i);
      (sheet as unknown as RangeValidations).dataValidations.add(`${letter}2:${letter}${PREPARED_ROWS + 1}`, {
        type: 'list',
        allowBlank: true,
        formulae: [`"${choices.join(',')}"`],
        showErrorMessage: true,
        errorTitle: '无效的值',
        error: `请选择：${choices.join(' / ')}`,
      });
    }
  });

  const guide = workbook.addWorksheet('填写说明');
  guide.columns = [
    { header: '列名', key: 'label', width: 24 },
    { header: '是否必填', key: 'required', width: 10 },
    { header: '说明', key: 'hint', width: 90 },
  ];
  guide.getRow(1).font = { bold: true };
  for (const field of fields) {
    guide.addRow({ label: field.label, required: field.required ? '必填' : '', hint: field.hint });
  }
  guide.addRow({});
  guide.addRow({
    label: '提示',
    hint: '表头可以在第一行，也可以在标题行之下；列的顺序不限，导入时会自动识别并请您确认列的对应关系。',
  });
  return workbook;
}

/** Write the template to `path` (through a temp file beside it). */
export async function writeImportTemplate(kind: RosterKind, path: string): Promise<void> {
  await writeThenRename(path, (temp) => buildImportTemplate(kind).xlsx.writeFile(temp));
}
