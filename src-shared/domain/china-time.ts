/**
 * The bureau's calendar: every bureau is in China's time zone (UTC+8), so the day a draw is sealed, the day a task's
 * window is checked against and the dates printed on its forms are China's, whatever zone the machine runs in (a CI
 * machine runs in UTC; a clerk's PC may be set to anything).
 */
const formatter = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

export interface ChinaTime {
  year: number;
  month: number;
  day: number;
  /** Two digits. */
  hour: string;
  minute: string;
}

/** The instant on China's clock. */
export function chinaTime(at: Date): ChinaTime {
  if (Number.isNaN(at.getTime())) throw new Error(`不是有效的时间：${String(at)}`);
  const p: Record<string, string> = {};
  for (const part of formatter.formatToParts(at)) p[part.type] = part.value;
  return { year: Number(p.year), month: Number(p.month), day: Number(p.day), hour: p.hour, minute: p.minute };
}

/** The instant's calendar day in China, "2026-03-20" (as dates are stored). */
export function chinaDate(at: Date): string {
  const { year, month, day } = chinaTime(at);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** A calendar day as printed, "2026年3月20日", from its stored form "2026-03-20". */
export function chineseDay(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}
