/**
 * Small pieces of the sheets' PDF: text broken into lines here (wrapText) and set one piece a line, so pdfmake does
 * not lay out a CJK paragraph character by character — a thousand sheets stay within seconds.
 */
import type { Content, TableCell } from 'pdfmake/interfaces';
import { textWidth, wrapText } from '../documents/fonts';
import type { DocText } from '../documents/pdf';

export const PAGE_WIDTH = 595.28;
export const MARGINS: [number, number, number, number] = [40, 36, 40, 48];
export const BODY_SIZE = 9;
/** An empty check box (□ is in the bundled faces; ☐ is not). */
export const BOX = '□';

/** `text` broken at `width` points, one non-wrapping piece per line. */
export function lines(dt: DocText, text: string, width: number, size = BODY_SIZE, bold = false): Content {
  const broken = text ? wrapText(text, bold ? 'bold' : 'regular', size, width - 1) : [''];
  if (broken.length === 1) return { text: dt.t(broken[0], bold), noWrap: true, fontSize: size, bold };
  return { stack: broken.map((l) => ({ text: dt.t(l, bold), noWrap: true })), fontSize: size, bold };
}

/** A cell of pre-broken text. */
export function cell(dt: DocText, text: string, width: number, extra: object = {}): TableCell {
  return { ...(lines(dt, text, width) as object), ...extra } as TableCell;
}

/** A grey label cell, pre-broken. */
export function label(dt: DocText, text: string, width: number, extra: object = {}): TableCell {
  return {
    ...(lines(dt, text, width, BODY_SIZE, true) as object),
    fillColor: '#f2f2f2',
    alignment: 'center',
    ...extra,
  } as TableCell;
}

/** "□实地检查  □书面检查 …" packed into lines no wider than `width`, an option never cut. */
export function optionLines(options: readonly string[], width: number, size = BODY_SIZE): string[] {
  const out: string[] = [];
  let line = '';
  for (const option of options) {
    const piece = `${BOX}${option}`;
    const next = line ? `${line}  ${piece}` : piece;
    if (line && textWidth(next, 'regular', size) > width - 1) {
      out.push(line);
      line = piece;
    } else line = next;
  }
  if (line) out.push(line);
  return out;
}

export function optionCell(dt: DocText, options: readonly string[], width: number): TableCell {
  return { stack: optionLines(options, width).map((l) => ({ text: dt.t(l), noWrap: true })) } as TableCell;
}

/** Empty cells after a colSpan cell. */
export function fill(span: number): TableCell[] {
  return Array.from({ length: span - 1 }, () => ({}) as TableCell);
}

/** "2026-05-01" → "2026年5月1日". */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** "2026年5月1日至2026年6月30日". */
export function windowText(start: string, end: string): string {
  return `${chineseDate(start)}至${chineseDate(end)}`;
}
