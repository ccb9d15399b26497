/** The entry page's model: a blank entry for a sheet, 全部符合, and the problems of a refusal by field. */
import {
  emptyEntry,
  FOLLOW_UPS,
  RESULT_CATEGORIES,
  type ResultEntry,
  type ResultProblem,
} from '@shared/domain/results';
import type { ResultSheetView } from '@shared/domain/result-views';
import type { ApiError } from '@shared/ipc/client';

const NO_PROBLEM = RESULT_CATEGORIES[0];
const NO_FOLLOW_UP = FOLLOW_UPS[0];

/** A sheet not yet entered: every row open, the whole team present (as the printed sheet lists it). */
export function blankEntry(view: ResultSheetView): ResultEntry {
  const rows = view.items.flatMap((i) => i.rows.map((r) => r.subItemId));
  return emptyEntry(
    view.team.map((m) => m.id),
    rows,
  );
}

/**
 * 全部符合: every row without a result becomes 符合; when no row is 不符合, an empty 检查结果 becomes 未发现问题 and an
 * empty 后续处置 无需后续处置. What the clerk already chose stays as chosen.
 */
export function allConform(entry: ResultEntry): ResultEntry {
  const rows = entry.rows.map((r) => (r.outcome ? r : { ...r, outcome: '符合' as const }));
  const clean = !rows.some((r) => r.outcome === '不符合');
  return {
    ...entry,
    rows,
    categories: clean && entry.categories.length === 0 ? [NO_PROBLEM] : entry.categories,
    followUps: clean && entry.followUps.length === 0 ? [NO_FOLLOW_UP] : entry.followUps,
  };
}

/** The problems a refusal carries (result.invalid), or none. Read by shape: the preload's ApiError is its own class. */
export function refusalProblems(e: unknown): ResultProblem[] {
  const details: unknown = typeof e === 'object' && e !== null ? (e as Partial<ApiError>).details : undefined;
  if (typeof details !== 'object' || details === null) return [];
  const problems = (details as { problems?: unknown }).problems;
  return Array.isArray(problems) ? (problems as ResultProblem[]) : [];
}

export type FieldProblems = Partial<Record<keyof ResultEntry, string>>;

export function byField(problems: readonly ResultProblem[]): FieldProblems {
  const out: FieldProblems = {};
  for (const p of problems) out[p.field] = out[p.field] ? `${out[p.field]}；${p.message}` : p.message;
  return out;
}

/** Where the typed entry waits until the database holds it: a reload or a crash never loses it. */
const backupKey = (view: ResultSheetView) => `ssj-result-entry:${view.drawId}:${view.entityId}`;

export function writeBackup(view: ResultSheetView, entry: ResultEntry, at: Date): void {
  localStorage.setItem(backupKey(view), JSON.stringify({ at: at.toISOString(), entry }));
}

export function clearBackup(view: ResultSheetView): void {
  localStorage.removeItem(backupKey(view));
}

/**
 * The entry typed here and not yet stored; dropped when the database holds a newer save (an import, another clerk)
 * or the result was reviewed meanwhile, so a stale copy never overwrites it.
 */
export function readBackup(view: ResultSheetView): ResultEntry | null {
  try {
    const text = localStorage.getItem(backupKey(view));
    const backup = text ? (JSON.parse(text) as { at: string; entry: ResultEntry }) : null;
    if (!backup || view.state === '已审核' || (view.savedAt && view.savedAt > backup.at)) return null;
    return backup.entry;
  } catch {
    return null;
  }
}
