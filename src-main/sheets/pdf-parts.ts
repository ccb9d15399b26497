/** Small pieces the sheets' PDF and workbook share: check boxes, option lines and the dates as printed. */
import { textWidth } from '../documents/fonts';

/** An empty check box (□ is in the bundled faces; ☐ is not). */
export const BOX = '□';

/** "□实地检查  □书面检查 …" packed into lines no wider than `width`, an option never cut. */
export function optionLines(options: readonly string[], width: number, size = 9): string[] {
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

/** "2026-05-01" → "2026年5月1日". */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** "2026年5月1日至2026年6月30日". */
export function windowText(start: string, end: string): string {
  return `${chineseDate(start)}至${chineseDate(end)}`;
}
