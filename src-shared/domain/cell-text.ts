/**
 * Text a spreadsheet would take for a formula (= + - @, or a tab or CR before one) gets a leading apostrophe in every
 * cell of every xlsx or CSV this program writes: a roster name must never become a live formula on a clerk's screen.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutralCell<T>(value: T): T | string {
  return typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : value;
}

/** A row of cells, each made safe with `neutralCell`. */
export function neutralRow<T>(values: readonly T[]): (T | string)[] {
  return values.map(neutralCell);
}
