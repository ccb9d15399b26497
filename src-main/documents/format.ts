/**
 * How values are written on paper. Dates are China's (src-shared/domain/china-time.ts), whatever the machine's zone.
 */
import type { AddWorksheetOptions } from 'exceljs';
import { chinaDate, chinaTime, chineseDay } from '@shared/domain/china-time';

/** "2026年3月20日". */
export function formatDate(iso: string): string {
  return chineseDay(chinaDate(new Date(iso)));
}

/** "2026年3月20日 09:30". */
export function formatDateTime(iso: string): string {
  const t = chinaTime(new Date(iso));
  return `${t.year}年${t.month}月${t.day}日 ${t.hour}:${t.minute}`;
}

export { formatCount } from '@shared/domain/counts';

/**
 * A 64-hex SHA-256 value in groups of 8, `perLine` groups a line: read aloud and compared group by group, and a
 * line break only ever falls between groups, so a printed hash is never cut. Anything not 64 hex is printed as is.
 */
export function groupHex(hex: string, perLine = 4): string {
  const h = hex.trim().toLowerCase();
  if (!/^[0-9a-f]{64}$/.test(h)) return hex;
  const groups = h.match(/.{8}/g)!;
  const lines: string[] = [];
  for (let i = 0; i < groups.length; i += perLine) lines.push(groups.slice(i, i + perLine).join(' '));
  return lines.join('\n');
}

/** "1. 甲\n2. 乙" (a single item is printed without its number). */
export function numberedLines(items: string[]): string {
  if (items.length === 1) return items[0];
  return items.map((it, i) => `${i + 1}. ${it}`).join('\n');
}

/** The font of printed workbooks: what every bureau PC has. */
export const XLSX_FONT = '宋体';

/**
 * A list worksheet ready to print: landscape A4 fitted to one page wide, the header row (row 3, under the title and
 * subtitle) frozen and repeated on every page, "第 &P 页 共 &N 页" in the footer.
 */
export function printedListSheet(sideMargin: number): Partial<AddWorksheetOptions> {
  return {
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      printTitlesRow: '3:3',
      margins: { left: sideMargin, right: sideMargin, top: 0.6, bottom: 0.7, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '&C第 &P 页 共 &N 页', evenFooter: '&C第 &P 页 共 &N 页' },
    views: [{ state: 'frozen', ySplit: 3 }],
  };
}
