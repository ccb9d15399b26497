/**
 * Writing one worksheet of the Excel record sheet row by row: printed text locked, the cells to fill unlocked with
 * their drop-downs, and each row that carries a value marked in the hidden column. Every cell gets one of a few
 * whole, frozen style objects: exceljs then finds a cell's style id by the object (a WeakMap) instead of rendering
 * and comparing its XML cell by cell, which was most of the time a workbook took.
 */
import type ExcelJS from 'exceljs';
import { neutralCell } from '@shared/domain/cell-text';
import { CHOICE_COL, ID_COL, markerText, TEXT_COL, type Marker } from './xlsx-layout';

const THIN = { style: 'thin' as const, color: { argb: 'FF000000' } };
export const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const WRAP: Partial<ExcelJS.Alignment> = { wrapText: true, vertical: 'middle' };
const TOP: Partial<ExcelJS.Alignment> = { wrapText: true, vertical: 'top' };
const CENTER: Partial<ExcelJS.Alignment> = { wrapText: true, vertical: 'middle', horizontal: 'center' };
const LEFT: Partial<ExcelJS.Alignment> = { wrapText: true, vertical: 'middle', horizontal: 'left' };
const GREY: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
const FILL_ME: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF9DB' } };
const FONT: Partial<ExcelJS.Font> = { name: '宋体', size: 10 };
const BOLD: Partial<ExcelJS.Font> = { name: '宋体', size: 10, bold: true };
const TITLE: Partial<ExcelJS.Font> = { name: '宋体', size: 16, bold: true };

function deepFreeze<T extends object>(o: T): T {
  for (const v of Object.values(o)) if (v && typeof v === 'object') deepFreeze(v as object);
  return Object.freeze(o);
}

const style = (s: Partial<ExcelJS.Style>) => deepFreeze({ border: BORDER, ...s }) as Partial<ExcelJS.Style>;
const UNLOCKED = { locked: false };

/** The printed kinds of text. */
const STYLES = {
  value: style({ font: FONT, alignment: WRAP }),
  center: style({ font: FONT, alignment: CENTER }),
  top: style({ font: FONT, alignment: TOP }),
  label: style({ font: BOLD, alignment: CENTER, fill: GREY }),
  heading: style({ font: BOLD, alignment: LEFT, fill: GREY }),
  title: style({ font: TITLE, alignment: CENTER }),
};
export type TextKind = keyof typeof STYLES;

/** The cells to fill: a choice, free text, a date. */
const INPUTS = {
  choice: style({ font: FONT, alignment: CENTER, fill: FILL_ME, protection: UNLOCKED }),
  text: style({ font: FONT, alignment: WRAP, fill: FILL_ME, protection: UNLOCKED }),
  date: style({ font: FONT, alignment: WRAP, fill: FILL_ME, protection: UNLOCKED, numFmt: 'yyyy-mm-dd' }),
};

/** One validation object per list of choices (and prompt), shared by every cell offering it. */
const validations = new Map<string, ExcelJS.DataValidation>();
function validation(choices: readonly string[], prompt?: string): ExcelJS.DataValidation {
  const key = `${choices.join(',')}|${prompt ?? ''}`;
  let v = validations.get(key);
  if (!v) {
    v = deepFreeze({
      type: 'list' as const,
      allowBlank: true,
      formulae: [`"${choices.join(',')}"`],
      showErrorMessage: true,
      errorStyle: 'stop',
      errorTitle: '请从下拉列表中选择',
      error: `只能填写：${choices.join('、')}`,
      showInputMessage: Boolean(prompt),
      prompt,
    });
    validations.set(key, v);
  }
  return v;
}

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

  /** Columns [from, to] of the current row in one style (merged when wider than one); returns the first cell. */
  private span(from: number, to: number, s: Partial<ExcelJS.Style>): ExcelJS.Cell {
    if (to > from) this.ws.mergeCells(this.row, from, this.row, to);
    const row = this.ws.getRow(this.row);
    for (let c = from; c <= to; c++) row.getCell(c).style = s;
    return row.getCell(from);
  }

  /** Locked text in columns [from, to] of the current row. */
  text(from: number, to: number, value: string, kind: TextKind = 'value'): void {
    this.span(from, to, STYLES[kind]).value = neutralCell(value);
  }

  /** An unlocked cell to fill, with a drop-down when `choices` are given. */
  input(col: number, choices?: readonly string[], prompt?: string, to = col, date = false): void {
    const cell = this.span(col, to, date ? INPUTS.date : choices ? INPUTS.choice : INPUTS.text);
    if (choices) cell.dataValidation = validation(choices, prompt);
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
