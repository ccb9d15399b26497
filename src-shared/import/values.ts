/**
 * One cell → one field value, with the reason when it cannot be done. DRAW-SPEC §10: normalise at import and never
 * "fix" Excel damage silently: a float-rendered integer is repaired only when exact; a code that lost digits through a
 * double, or holds full-width characters, is refused, so the user corrects the file where the report says.
 */
import type { CellValue } from './grid';

/** Largest integer a double holds exactly is 2^53 − 1 (16 digits); Excel keeps only 15 significant digits. */
const EXCEL_EXACT_DIGITS = 15;

const FULL_WIDTH_ALNUM = /[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/;

export function hasFullWidthAlnum(text: string): boolean {
  return FULL_WIDTH_ALNUM.test(text);
}

/** NFC, trimmed; CRLF/CR become LF; trailing spaces on each line dropped. Keeps the lines of a multi-line cell. */
export function normaliseMultiline(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[\s\u3000]+$/u, ''))
    .join('\n')
    .replace(/^[\s\u3000]+|[\s\u3000]+$/gu, '');
}

/**
 * NFC, trimmed, one line: a line break inside a name or an office is Excel's wrapping, not content, so line
 * breaks and runs of white space become one space.
 */
const ANY_SPACE = /[\s\u3000]/u;

export function normaliseLine(text: string): string {
  // Most cells have no white space at all: skip the regex passes (this runs ~10 times per row, 1,000,000 rows).
  if (!ANY_SPACE.test(text)) return text.normalize('NFC');
  return text
    .normalize('NFC')
    .replace(/[\s\u3000]+/gu, ' ')
    .trim();
}

/** The cell as text, before normalisation. Numbers print as JS prints them; dates as YYYY-MM-DD. */
export function rawCellText(value: CellValue): string {
  if (value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? '是' : '否';
  return isoDateOf(value) ?? '';
}

export function isoDateOf(date: Date): string | null {
  if (Number.isNaN(date.getTime())) return null;
  // Readers produce UTC-midnight dates (Excel date cells carry no zone), so UTC fields are the calendar date.
  return date.toISOString().slice(0, 10);
}

export type CodeCell =
  | { status: 'empty' }
  | { status: 'ok'; code: string; repairedFrom?: string }
  | { status: 'damaged'; raw: string; reason: string; code: 'code.floatDamaged' | 'code.fullWidth' | 'code.decimal' };

/**
 * An ID-like cell as text. A number is kept if an exact integer of ≤ 15 digits (beyond, Excel has rounded it); text
 * like "469006600187440.0" is repaired when exact; scientific notation or other decimals are refused (digits are lost);
 * Excel's text-forcing prefixes (', ="…") are removed.
 */
export function readCodeCell(value: CellValue): CodeCell {
  if (value === null) return { status: 'empty' };
  if (typeof value === 'number') {
    const raw = String(value);
    if (Number.isInteger(value) && value >= 0 && raw.length <= EXCEL_EXACT_DIGITS && !/e/i.test(raw)) {
      return { status: 'ok', code: raw, repairedFrom: raw };
    }
    return {
      status: 'damaged',
      raw,
      code: 'code.floatDamaged',
      reason: `该单元格被 Excel 存成了数字（${raw}），超过 15 位的代码已丢失末尾数字，无法还原。请把该列设为“文本”格式后重新填写原代码`,
    };
  }
  if (typeof value !== 'string') {
    const raw = rawCellText(value);
    return raw ? { status: 'damaged', raw, code: 'code.decimal', reason: `不是代码：${raw}` } : { status: 'empty' };
  }
  let text = value.normalize('NFC').replace(/^[\s\u3000]+|[\s\u3000]+$/gu, '');
  const forced = /^="(.*)"$/.exec(text);
  if (forced) text = forced[1].trim();
  if (text.startsWith("'")) text = text.slice(1).trim();
  if (text === '') return { status: 'empty' };
  if (hasFullWidthAlnum(text)) {
    return {
      status: 'damaged',
      raw: text,
      code: 'code.fullWidth',
      reason: `代码含全角字母或数字（${text}），请改为半角后重新导入`,
    };
  }
  // "9.14690067674692E+17" (Excel) or "9.14690067674692e+17" (other programs). A real USCC may read like
  // "9146900600000009E2", so only a decimal point or a signed exponent marks a float rendering.
  const scientific = /^[0-9]+(\.[0-9]+)?[eE][+-][0-9]+$|^[0-9]+\.[0-9]+[eE][0-9]+$/.test(text);
  if (scientific) {
    return {
      status: 'damaged',
      raw: text,
      code: 'code.floatDamaged',
      reason: `代码以科学计数法保存（${text}），已丢失位数，无法还原。请把该列设为“文本”格式后重新填写原代码`,
    };
  }
  const floatRendered = /^([0-9]+)\.(0+)$/.exec(text);
  if (floatRendered) {
    if (floatRendered[1].length <= EXCEL_EXACT_DIGITS) {
      return { status: 'ok', code: floatRendered[1], repairedFrom: text };
    }
    return {
      status: 'damaged',
      raw: text,
      code: 'code.floatDamaged',
      reason: `代码曾被当作数字保存（${text}），超过 15 位的部分已不可信，无法还原`,
    };
  }
  if (/^[0-9]+\.[0-9]+$/.test(text)) {
    return { status: 'damaged', raw: text, code: 'code.decimal', reason: `代码是小数（${text}），不是有效代码` };
  }
  return { status: 'ok', code: text.toUpperCase() };
}

/** A phone cell: text kept as written; numbers that cannot be exact are refused like codes. */
export type PhoneCell = { status: 'ok'; phone: string; warning?: string } | { status: 'damaged'; reason: string };

export function readPhoneCell(value: CellValue): PhoneCell {
  if (value === null) return { status: 'ok', phone: '' };
  if (typeof value === 'number' || (typeof value === 'string' && /^[0-9]+(\.0+)?$|e[+-]?[0-9]+$/i.test(value.trim()))) {
    const code = readCodeCell(value);
    if (code.status === 'damaged') return { status: 'damaged', reason: code.reason.replace('代码', '电话号码') };
    if (code.status === 'empty') return { status: 'ok', phone: '' };
    // A landline with its area code (0898…) stored as a number loses the leading zero: say so, do not guess.
    const lostZero =
      typeof value === 'number' && !code.code.startsWith('1') && code.code.length >= 9 && code.code.length <= 11;
    return lostZero
      ? { status: 'ok', phone: code.code, warning: `电话号码被存成了数字（${code.code}），开头的 0 可能已丢失，请核对` }
      : { status: 'ok', phone: code.code };
  }
  const phone = normaliseLine(rawCellText(value));
  if (hasFullWidthAlnum(phone)) {
    return { status: 'ok', phone, warning: `电话号码含全角数字（${phone}），请改为半角` };
  }
  return { status: 'ok', phone };
}

/** Excel's 1900 date system: serial 25569 is 1970-01-01 (Excel's phantom 1900-02-29 is before any real data). */
function excelSerialToIso(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2958465) return null;
  const ms = Math.round((Math.floor(serial) - 25569) * 86400000);
  return new Date(ms).toISOString().slice(0, 10);
}

function validIso(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

/** A date cell → YYYY-MM-DD; undefined when the cell holds something that is not a date. */
export function readDateCell(value: CellValue): string | null | undefined {
  if (value === null) return null;
  if (value instanceof Date) return isoDateOf(value) ?? undefined;
  if (typeof value === 'number') return excelSerialToIso(value) ?? undefined;
  const text = normaliseLine(rawCellText(value));
  if (text === '') return null;
  let match = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(text);
  if (match) return validIso(Number(match[1]), Number(match[2]), Number(match[3])) ?? undefined;
  match = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (match) return validIso(Number(match[1]), Number(match[2]), Number(match[3])) ?? undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return excelSerialToIso(Number(text)) ?? undefined;
  return undefined;
}

/** Split a tags cell on 、，,;；| / and line breaks; trimmed, NFC, without duplicates, in order. */
export function splitTags(text: string): string[] {
  const seen = new Set<string>();
  for (const part of text.normalize('NFC').split(/[、，,;；|/\n\r\t]+|\s{2,}/)) {
    const tag = part.replace(/[\s\u3000]+/gu, ' ').trim();
    if (tag) seen.add(tag);
  }
  return [...seen];
}
