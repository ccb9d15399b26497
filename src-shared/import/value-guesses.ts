/**
 * Status and grade cells read by synonym (退休 → 调离, 在营 → 存续, 低风险 → A) are guesses the clerk sees and may
 * change: each distinct value is listed per column with its row count, and the confirm applies the clerk's choice
 * (another value, or not importing those rows). A cell that already holds a standard value is no guess.
 */
import { CREDIT_GRADES, EXPERT_STATUSES, INSPECTOR_STATUSES, REG_STATUSES, type RosterKind } from '../domain/rosters';
import { AppError } from '../errors';

/** The fields whose synonyms are shown, with the values a choice may name. */
export const GUESSED_FIELDS: Record<RosterKind, Record<string, readonly string[]>> = {
  entities: { creditGrade: CREDIT_GRADES, regStatus: REG_STATUSES },
  inspectors: { status: INSPECTOR_STATUSES },
  experts: { status: EXPERT_STATUSES },
  items: {},
};

/** One distinct source value of one column, and what the import made of it. */
export interface ValueMapping {
  field: string;
  /** "E 人员状态": the column as problems name it. */
  column: string;
  /** The cell text as written (trimmed, one line). */
  source: string;
  /** The standard value its synonym gives. */
  guess: string;
  /** What was stored: the guess, the clerk's choice, or null when those rows were not imported. */
  applied: string | null;
  /** Rows of the file holding this value. */
  rows: number;
}

/** The clerk's answer for one listed value: another standard value, or null to import none of its rows. */
export interface ValueChoice {
  field: string;
  source: string;
  target: string | null;
}

const keyOf = (field: string, source: string) => `${field}\u0001${source}`;

/** The choices, checked against the roster's values; a choice for another field or value is refused. */
export function choiceMap(kind: RosterKind, choices: readonly ValueChoice[] = []): Map<string, string | null> {
  const map = new Map<string, string | null>();
  for (const c of choices) {
    const allowed = GUESSED_FIELDS[kind][c.field];
    if (!allowed || (c.target !== null && !allowed.includes(c.target))) {
      throw new AppError('import.badValueChoice', `“${c.source}”不能对应为“${c.target ?? ''}”。请重新预览后再选择。`);
    }
    map.set(keyOf(c.field, c.source), c.target);
  }
  return map;
}

/** Collects the guessed values of one pass over a file, and answers the clerk's choices. */
export class ValueGuesses {
  private readonly seen = new Map<string, ValueMapping>();

  constructor(
    readonly kind: RosterKind,
    private readonly choices: ReadonlyMap<string, string | null> = new Map(),
  ) {}

  /** Whether this field's synonyms are listed. */
  listed(field: string): boolean {
    return field in GUESSED_FIELDS[this.kind];
  }

  /** The clerk's choice for this value: a value, null (not imported), or undefined (none: the guess stands). */
  choice(field: string, source: string): string | null | undefined {
    return this.choices.get(keyOf(field, source));
  }

  note(field: string, column: string, source: string, guess: string, applied: string | null): void {
    const key = keyOf(field, source);
    const seen = this.seen.get(key);
    if (seen) seen.rows++;
    else this.seen.set(key, { field, column, source, guess, applied, rows: 1 });
  }

  /** By column, then by the most rows. */
  list(): ValueMapping[] {
    return [...this.seen.values()].sort(
      (a, b) => a.column.localeCompare(b.column) || b.rows - a.rows || a.source.localeCompare(b.source),
    );
  }
}
