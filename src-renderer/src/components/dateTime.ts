/**
 * A stored time as every page shows it, on China's clock like the printed record whatever zone this computer is set
 * to: 2026/11/23 09:00:00; `blank` when there is none.
 */
export function dateTimeText(iso: string | null | undefined, blank = ''): string {
  return iso ? new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) : blank;
}
