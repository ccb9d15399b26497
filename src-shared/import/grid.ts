/**
 * The row grid every reader (xlsx, xls, csv) produces and every mapper consumes. Readers differ in what a cell
 * can be; they all come down to this.
 */

/**
 * One cell as the file stored it. Numbers stay numbers (not text) so the ID-like columns can tell a code Excel
 * turned into a double from one typed as text; dates are JS Dates (Excel date cells, already UTC midnight).
 */
export type CellValue = string | number | boolean | Date | null;

export interface GridRow {
  /** 1-based row number as the user sees it in Excel (or the CSV record's first line number). */
  rowNo: number;
  /** Index 0 is column A. A merged region's value is repeated into every cell it covers. */
  cells: CellValue[];
  /**
   * Columns (0-based) whose value here came from a merged region's top-left cell rather than this row's own cell.
   * The item list needs this: a merged 抽查事项 cell marks continuation rows. Empty for most rows.
   */
  inherited: readonly number[];
}

/** 0 → "A", 25 → "Z", 26 → "AA". */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** "AA" → 26. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** "C12" → { row: 12, col: 2 } */
export function parseCellRef(ref: string): { row: number; col: number } {
  const match = /^\$?([A-Za-z]{1,3})\$?([0-9]+)$/.exec(ref.trim());
  if (!match) throw new RangeError(`not a cell reference: ${ref}`);
  return { row: Number(match[2]), col: columnIndex(match[1]) };
}

export interface MergeRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** "B2:D5" → rows/cols 1-based rows, 0-based columns, inclusive. */
export function parseRange(ref: string): MergeRange {
  const [a, b = a] = ref.split(':');
  const start = parseCellRef(a);
  const end = parseCellRef(b);
  return {
    top: Math.min(start.row, end.row),
    bottom: Math.max(start.row, end.row),
    left: Math.min(start.col, end.col),
    right: Math.max(start.col, end.col),
  };
}

/** Is the cell empty for import purposes (null, '' or only white space)? */
export function isBlank(value: CellValue): boolean {
  if (value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  return false;
}

export function isBlankRow(row: GridRow): boolean {
  return row.cells.every(isBlank);
}

/**
 * Copies each merged region's top-left value into the cells it covers, row by row, as rows stream past. Holds
 * only the regions that cover the current row, so a sheet of any length costs memory in its merges, not its rows.
 * Rows must arrive in ascending order; rows the file does not contain are simply never seen.
 */
export class MergeFiller {
  private readonly pending: MergeRange[];
  private next = 0;
  private active: { range: MergeRange; value: CellValue }[] = [];

  constructor(merges: readonly MergeRange[]) {
    // Single-cell "merges" change nothing; dropping them keeps the active list short.
    this.pending = merges
      .filter((m) => m.bottom > m.top || m.right > m.left)
      .slice()
      .sort((a, b) => a.top - b.top || a.left - b.left);
  }

  get mergeCount(): number {
    return this.pending.length;
  }

  /** Fills `row` in place and returns it. */
  fill(row: GridRow): GridRow {
    const r = row.rowNo;
    if (this.active.length > 0) this.active = this.active.filter((a) => a.range.bottom >= r);
    while (this.next < this.pending.length && this.pending[this.next].top <= r) {
      const range = this.pending[this.next++];
      if (range.bottom < r) continue; // its rows were absent from the file
      // The master value lives in the top-left cell; if the file lacks the top row, the region starts empty.
      const value = range.top === r ? (row.cells[range.left] ?? null) : null;
      this.active.push({ range, value });
    }
    if (this.active.length === 0) return row;
    const inherited: number[] = [];
    for (const { range, value } of this.active) {
      for (let c = range.left; c <= range.right; c++) {
        if (r === range.top && c === range.left) continue;
        while (row.cells.length <= c) row.cells.push(null);
        row.cells[c] = value;
        inherited.push(c);
      }
    }
    if (inherited.length > 0) row.inherited = [...row.inherited, ...inherited].sort((a, b) => a - b);
    return row;
  }
}
