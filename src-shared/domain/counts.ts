/**
 * One way to write a count on every page, projector screen, print and workbook: digits grouped by thousands with an
 * ASCII comma, "30,000", as zh-CN writes them. Written out by hand so the result never depends on the host's ICU data.
 */
export function formatCount(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const [whole, fraction] = String(n).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+$)/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}
