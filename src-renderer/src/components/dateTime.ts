/** A stored time as every page shows it, on this computer's clock: 2026/11/23 09:00:00; `blank` when there is none. */
export function dateTimeText(iso: string | null | undefined, blank = ''): string {
  return iso ? new Date(iso).toLocaleString('zh-CN', { hour12: false }) : blank;
}
