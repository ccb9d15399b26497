/**
 * Entering results: one record sheet at a time (the entry page saves as the clerk types) or a batch read back from
 * filled sheets. A joint visit's sheet writes one result per merged task, each with the rows of its own items.
 */
import type BetterSqlite3 from 'better-sqlite3';
import {
  resultProblems,
  type ResultEntry,
  type ResultProblem,
  type ResultState,
  type SheetResult,
} from '@shared/domain/results';
import { AppError, isAppError } from '@shared/errors';
import { appendAuditRaw } from '../audit/service';
import type { ServiceContext } from '../app/context';
import { resolveSheet, rowsFor, type ResolvedSheet, type SheetTarget } from './sheet';
import { currentResult, readEntry, sameEntry, writeEntry, type ResultRow, type Stamp } from './store';

interface PlannedResult {
  target: SheetTarget;
  existing: ResultRow | undefined;
  entry: ResultEntry;
}

interface SheetPlan {
  sheet: ResolvedSheet;
  results: PlannedResult[];
  problems: ResultProblem[];
  state: ResultState;
  unchanged: boolean;
}

/** What saving the sheet would do, read from the database; throws AppError for what can never be saved. */
function planSheet(raw: BetterSqlite3.Database, sheet: SheetResult, draft = false): SheetPlan {
  const resolved = resolveSheet(raw, sheet);
  const results = resolved.targets.map((target) => ({
    target,
    existing: currentResult(raw, target.taskId, target.entityId),
    entry: { ...sheet.entry, rows: rowsFor(sheet.entry, target.subItemIds) },
  }));
  const reviewed = results.filter((r) => r.existing?.state === '已审核');
  if (reviewed.length > 0) {
    const numbers = reviewed.map((r) => r.target.taskNumber).join('、');
    throw new AppError(
      'result.reviewed',
      `任务${numbers}对“${resolved.entityName}”的检查结果已审核，不能修改；如需更正，请由审核人员另立更正记录。`,
    );
  }
  const allSubItems = [...new Set(resolved.targets.flatMap((t) => t.subItemIds))];
  const whole = { ...sheet.entry, rows: rowsFor(sheet.entry, allSubItems) };
  const problems = [...resolved.structural, ...resultProblems(whole, resolved.context)];
  const returned = results.some((r) => r.existing?.state === '审核退回');
  // A draft is never entered, however complete: entering is the clerk's 提交.
  const state: ResultState = problems.length === 0 && !draft ? '已录入' : returned ? '审核退回' : '未录入';
  const unchanged = results.every(
    (r) => r.existing && r.existing.state === state && sameEntry(readEntry(raw, r.existing), r.entry),
  );
  return { sheet: resolved, results, problems, state, unchanged };
}

/** Why the sheet is not yet consistent, as saving it would say; empty when it would be entered. */
export function sheetProblems(raw: BetterSqlite3.Database, sheet: SheetResult): ResultProblem[] {
  return planSheet(raw, sheet).problems;
}

function invalid(plan: SheetPlan, problems: readonly ResultProblem[]): AppError {
  const messages = problems.map((p) => p.message).join('；');
  return new AppError('result.invalid', `“${plan.sheet.entityName}”的检查结果不能保存：${messages}。`, { problems });
}

function writePlan(raw: BetterSqlite3.Database, plan: SheetPlan, stamp: Stamp): number[] {
  return plan.results.map((r) => {
    // A returned result being edited keeps its state (and its reason) until it is consistent again.
    const state = plan.state === '审核退回' && r.existing?.state !== '审核退回' ? '未录入' : plan.state;
    return writeEntry(raw, r.target, r.existing, r.entry, state, stamp);
  });
}

export interface SaveOutcome {
  /** entered: consistent, now 已录入; draft: stored as typed, not entered; unchanged: nothing written. */
  outcome: 'entered' | 'draft' | 'unchanged';
  resultIds: number[];
  /** Why the entry could not yet be entered (empty when it is consistent). */
  problems: ResultProblem[];
}

/**
 * Saves one sheet in one transaction with its audit row. Without `draft`, an inconsistent entry is refused (AppError
 * with the problems per field) and nothing is written; with it, the entry is kept as typed and is not entered.
 */
export function saveEntry(
  raw: BetterSqlite3.Database,
  ctx: ServiceContext,
  sheet: SheetResult,
  options: { draft?: boolean } = {},
): SaveOutcome {
  return raw
    .transaction((): SaveOutcome => {
      const plan = planSheet(raw, sheet, options.draft);
      if (plan.sheet.structural.length > 0) throw invalid(plan, plan.sheet.structural);
      if (plan.problems.length > 0 && !options.draft) throw invalid(plan, plan.problems);
      const existingIds = plan.results.flatMap((r) => (r.existing ? [r.existing.id] : []));
      if (plan.unchanged) return { outcome: 'unchanged', resultIds: existingIds, problems: plan.problems };
      const stamp = { at: ctx.now().toISOString(), actor: ctx.actor() };
      const resultIds = writePlan(raw, plan, stamp);
      appendAuditRaw(
        raw,
        {
          actor: stamp.actor,
          action: 'results:save',
          target: `entity:${sheet.entityId}`,
          detail: { drawId: sheet.drawId, taskIds: sheet.taskIds, resultIds, state: plan.state },
        },
        ctx.now(),
      );
      const outcome = plan.state === '已录入' ? 'entered' : 'draft';
      return { outcome, resultIds, problems: plan.problems };
    })
    .immediate();
}

export interface ImportCounts {
  /** Sheets that name a drawn entity of sealed draws of their tasks. */
  matched: number;
  entered: number;
  unchanged: number;
  rejected: number;
  /** sheet: 1-based position of the sheet in the batch. */
  problems: { sheet?: number; reason: string }[];
}

function sheetKeys(sheet: SheetResult): string[] {
  return sheet.taskIds.map((taskId) => `${taskId}:${sheet.entityId}`);
}

/** One sheet of a batch: planned (and written unless a dry run), or the reason it is refused. */
function importOne(
  raw: BetterSqlite3.Database,
  sheet: SheetResult,
  write: Stamp | null,
  counts: ImportCounts,
): number[] {
  let plan: SheetPlan;
  try {
    plan = planSheet(raw, sheet);
  } catch (e) {
    if (isAppError(e) && e.code === 'result.reviewed') counts.matched++;
    throw e;
  }
  counts.matched++;
  if (plan.problems.length > 0) throw invalid(plan, plan.problems);
  if (plan.unchanged) {
    counts.unchanged++;
    return [];
  }
  counts.entered++;
  return write ? writePlan(raw, plan, write) : [];
}

/** Called after each sheet; what it throws (a cancel) ends the batch, and its transaction rolls back. */
export type SheetDone = (done: number) => void;

function importAll(
  raw: BetterSqlite3.Database,
  sheets: readonly SheetResult[],
  write: Stamp | null,
  onSheet?: SheetDone,
): { counts: ImportCounts; resultIds: number[] } {
  const counts: ImportCounts = { matched: 0, entered: 0, unchanged: 0, rejected: 0, problems: [] };
  const resultIds: number[] = [];
  const seen = new Set<string>();
  sheets.forEach((sheet, i) => {
    const keys = sheetKeys(sheet);
    try {
      if (keys.some((k) => seen.has(k))) {
        throw new AppError('result.duplicateSheet', '同一对象同一任务的检查结果在本批中重复出现。');
      }
      keys.forEach((k) => seen.add(k));
      resultIds.push(...importOne(raw, sheet, write, counts));
    } catch (e) {
      if (!isAppError(e)) throw e;
      counts.rejected++;
      counts.problems.push({ sheet: i + 1, reason: e.message });
    }
    onSheet?.(i + 1);
  });
  return { counts, resultIds };
}

/**
 * Enters a batch of sheets read back from the field: every valid sheet in one transaction with one audit row, every
 * other one rejected with its reason. A dry run reports the same counts and writes nothing; so does a failure midway.
 */
export function applyImport(
  raw: BetterSqlite3.Database,
  ctx: ServiceContext,
  sheets: readonly SheetResult[],
  options: { dryRun: boolean; onSheet?: SheetDone },
): ImportCounts {
  const { onSheet } = options;
  if (options.dryRun) return raw.transaction(() => importAll(raw, sheets, null, onSheet).counts).deferred();
  return raw
    .transaction((): ImportCounts => {
      const stamp = { at: ctx.now().toISOString(), actor: ctx.actor() };
      const { counts, resultIds } = importAll(raw, sheets, stamp, onSheet);
      if (counts.entered > 0) {
        const detail = { ...counts, problems: counts.problems.length, resultIds };
        appendAuditRaw(raw, { actor: stamp.actor, action: 'results:import', target: 'results', detail }, ctx.now());
      }
      return counts;
    })
    .immediate();
}
