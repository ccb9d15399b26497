/**
 * Writing one worksheet of the Excel record sheet row by row: printed text locked, the cells to fill unlocked with
 * their drop-downs, and each row that carries a value marked in the hidden column.
 */
import type ExcelJS from 'exceljs';
import { CHOICE_COL, ID_COL, markerText, TEXT_COL, type Marker } from './xlsx-layout';

const THIN = { style: 'thin' as const, color: { argb: 'FF000000' } };
export const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const WRAP: Partial<ExcelJS.Alignment> = { wrapText: true, vertical: 'middle' };
const CENTER: Partial<ExcelJS.Alignment> = { wrapText: true, vertical: 'middle', horizontal: 'center' };
const GREY: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
const FILL_ME: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF9DB' } };
const FONT: Partial<ExcelJS.Font> = { name: '宋体', size: 10 };
const BOLD: Partial<ExcelJS.Font> = { name: '宋体', size: 10, bold: true };

export class Grid {
  row = 0;
  readonly markers: [number, string][] = [];

  constructor(readonly ws: ExcelJS.Worksheet) {}

  /** Starts the next row; `height` in points when the text needs more than one line. */
  next(height?: number): number {
    this.row += 1;
    if (height) this.ws.getRow(this.row).height = height;
    return this.row;
  }

  mark(marker: Marker): void {
    const text = markerText(marker);
    this.ws.getCell(this.row, ID_COL).value = text;
    this.markers.push([this.row, text]);
  }

  /** Locked text in columns [from, to] of the current row (merged when wider than one). */
  text(from: number, to: number, value: string, kind: 'label' | 'value' | 'center' = 'value'): void {
    if (to > from) this.ws.mergeCells(this.row, from, this.row, to);
    const cell = this.ws.getCell(this.row, from);
    cell.value = value;
    cell.font = kind === 'label' ? BOLD : FONT;
    cell.alignment = kind === 'value' ? WRAP : CENTER;
    if (kind === 'label') cell.fill = GREY;
    for (let c = from; c <= to; c++) this.ws.getCell(this.row, c).border = BORDER;
  }

  /** An unlocked cell to fill, with a drop-down when `choices` are given. */
  input(col: number, choices?: readonly string[], prompt?: string, to = col): void {
    if (to > col) this.ws.mergeCells(this.row, col, this.row, to);
    const cell = this.ws.getCell(this.row, col);
    cell.protection = { locked: false };
    cell.font = FONT;
    cell.alignment = choices ? CENTER : WRAP;
    cell.fill = FILL_ME;
    for (let c = col; c <= to; c++) this.ws.getCell(this.row, c).border = BORDER;
    if (choices) {
      cell.dataValidation = {
        type: 'list',
        allowBlank: true,
        formulae: [`"${choices.join(',')}"`],
        showErrorMessage: true,
        errorStyle: 'stop',
        errorTitle: '请从下拉列表中选择',
        error: `只能填写:${choices.join('、')}`,
        showInputMessage: Boolean(prompt),
        prompt,
      };
    }
  }

  /** A labelled yes/no line: label in A, option in B–D, the choice in E, optional text in F. */
  option(labelText: string, option: string, choices: readonly string[], withText = false): void {
    this.next();
    this.text(1, 1, labelText, 'label');
    this.text(2, 4, option);
    this.input(CHOICE_COL, choices);
    if (withText) this.input(TEXT_COL);
    else this.text(TEXT_COL, TEXT_COL, '');
  }
}

/** Row height for text of `chars` characters in a column about `perLine` characters wide. */
export function heightFor(chars: number, perLine: number, minLines = 1): number {
  return Math.max(minLines, Math.ceil(chars / perLine)) * 14 + 4;
}
