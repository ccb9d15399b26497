/**
 * How values are written on paper. Dates are shown in China's time zone whatever the machine's zone is (every bureau
 * is in UTC+8, and a CI machine in UTC must print the same form).
 */

const TZ = 'Asia/Shanghai';

const dateParts = new Intl.DateTimeFormat('en-US', {
  timeZone: TZ,
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function parts(iso: string): Record<string, string> {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) throw new Error(`不是有效的时间:${iso}`);
  const out: Record<string, string> = {};
  for (const p of dateParts.formatToParts(d)) out[p.type] = p.value;
  return out;
}

/** "2026年3月20日". */
export function formatDate(iso: string): string {
  const p = parts(iso);
  return `${p.year}年${p.month}月${p.day}日`;
}

/** "2026年3月20日 09:30". */
export function formatDateTime(iso: string): string {
  const p = parts(iso);
  return `${p.year}年${p.month}月${p.day}日 ${p.hour}:${p.minute}`;
}

/** "1,234". */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

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
