/**
 * 后续处置 to 完结: every approved result with a problem gets one follow-up record — the measures chosen on the sheet,
 * the office that follows it up (the entity's 管辖单位 unless changed), the due date (the 整改期限 unless changed) —
 * which is closed with a date and a note saying how it ended. A closed follow-up is not changed again.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { FollowUpView } from '@shared/domain/follow-ups';
import type { ResultEntry } from '@shared/domain/results';
import { dayNumber } from '@shared/domain/workdays';
import { AppError } from '@shared/errors';
import { appendAuditRaw } from '../audit/service';
import type { ServiceContext } from '../app/context';
import { all, first, qb, run } from '../db/sql';
import type { ResultRow, Stamp } from './store';

function measureOf(entry: ResultEntry): string {
  const measures = entry.followUps.map((f) => (f === '其他' ? `其他：${entry.followUpOther.trim()}` : f));
  return measures.join('、') || '待定';
}

/** Opens the follow-up of a result being approved (same transaction). */
export function openFollowUp(raw: BetterSqlite3.Database, row: ResultRow, entry: ResultEntry, stamp: Stamp): void {
  const office = first(raw, qb.selectFrom('entities').select('office').where('id', '=', row.entity_id))?.office ?? '';
  run(
    raw,
    qb.insertInto('result_follow_ups').values({
      result_id: row.id,
      measure: measureOf(entry),
      office,
      due_on: entry.correctionDeadline,
      created_at: stamp.at,
      updated_at: stamp.at,
      updated_by: stamp.actor,
    }),
  );
}

function checkedDate(date: string, label: string): string {
  if (dayNumber(date) === null) throw new AppError('followUp.badDate', `${label}“${date}”不是有效的日期。`);
  return date;
}

function openRecord(raw: BetterSqlite3.Database, id: number) {
  const row = first(raw, qb.selectFrom('result_follow_ups').selectAll().where('id', '=', id));
  if (!row) throw new AppError('followUp.notFound', `没有找到后续处置记录（编号 ${id}）。`);
  if (row.closed_on) throw new AppError('followUp.closed', `后续处置已于${row.closed_on}完结，不能再修改。`);
  return row;
}

export interface FollowUpChange {
  measure?: string;
  office?: string;
  dueOn?: string | null;
}

/** Changes an open follow-up's measure, office or due date, with its audit row. */
export function updateFollowUp(raw: BetterSqlite3.Database, ctx: ServiceContext, id: number, change: FollowUpChange) {
  if (change.measure !== undefined && !change.measure.trim()) {
    throw new AppError('followUp.noMeasure', '请填写后续处置措施。');
  }
  const dueOn = change.dueOn ? checkedDate(change.dueOn, '处置期限') : change.dueOn;
  raw
    .transaction(() => {
      openRecord(raw, id);
      const at = ctx.now().toISOString();
      const set = {
        ...(change.measure !== undefined ? { measure: change.measure.trim() } : {}),
        ...(change.office !== undefined ? { office: change.office.trim() } : {}),
        ...(dueOn !== undefined ? { due_on: dueOn } : {}),
      };
      run(
        raw,
        qb
          .updateTable('result_follow_ups')
          .set({ ...set, updated_at: at, updated_by: ctx.actor() })
          .where('id', '=', id),
      );
      const record = { actor: ctx.actor(), action: 'follow-ups:update', target: `followUp:${id}`, detail: set };
      appendAuditRaw(raw, record, ctx.now());
    })
    .immediate();
}

/** Closes a follow-up (完结): the date and a note saying how it ended are both required. */
export function closeFollowUp(
  raw: BetterSqlite3.Database,
  ctx: ServiceContext,
  id: number,
  closing: { closedOn: string; note: string },
): void {
  const note = closing.note.trim();
  if (!note) throw new AppError('followUp.noNote', '完结后续处置须填写完结情况说明。');
  const closedOn = checkedDate(closing.closedOn, '完结日期');
  raw
    .transaction(() => {
      openRecord(raw, id);
      const at = ctx.now().toISOString();
      const set = { closed_on: closedOn, closing_note: note, updated_at: at, updated_by: ctx.actor() };
      run(raw, qb.updateTable('result_follow_ups').set(set).where('id', '=', id));
      const record = {
        actor: ctx.actor(),
        action: 'follow-ups:close',
        target: `followUp:${id}`,
        detail: { closedOn, note },
      };
      appendAuditRaw(raw, record, ctx.now());
    })
    .immediate();
}

export type { FollowUpView };

export interface FollowUpFilters {
  /** The day overdue is judged on (YYYY-MM-DD). */
  today: string;
  taskId?: number;
  /** true: open only; false: closed only. */
  open?: boolean;
  overdueOnly?: boolean;
  /** One follow-up only. */
  id?: number;
}

/** Calendar days from `from` to `to` (0 when `to` is not later). */
function daysAfter(from: string | null, to: string | null): number {
  const a = from === null ? null : dayNumber(from);
  const b = to === null ? null : dayNumber(to);
  return a === null || b === null ? 0 : Math.max(0, b - a);
}

/** Follow-ups of current results, oldest due first (undated last). */
export function listFollowUps(raw: BetterSqlite3.Database, filters: FollowUpFilters): FollowUpView[] {
  let query = qb
    .selectFrom('result_follow_ups as f')
    .innerJoin('results as r', 'r.id', 'f.result_id')
    .innerJoin('entities as e', 'e.id', 'r.entity_id')
    .innerJoin('tasks as t', 't.id', 'r.task_id')
    .select(['f.id', 'f.result_id', 'r.task_id', 'r.entity_id', 'e.name', 'f.measure', 'f.office'])
    .select(['t.number as taskNumber', 't.name as taskName'])
    .select(['f.due_on', 'f.closed_on', 'f.closing_note'])
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('results as c').select('c.id').whereRef('c.corrects_id', '=', 'r.id'))),
    )
    .orderBy((eb) => eb('f.due_on', 'is', null))
    .orderBy('f.due_on')
    .orderBy('f.id');
  if (filters.id !== undefined) query = query.where('f.id', '=', filters.id);
  if (filters.taskId !== undefined) query = query.where('r.task_id', '=', filters.taskId);
  if (filters.open !== undefined) query = query.where('f.closed_on', filters.open ? 'is' : 'is not', null);
  const views = all(raw, query).map((r): FollowUpView => ({
    id: r.id,
    resultId: r.result_id,
    taskId: r.task_id,
    taskNumber: r.taskNumber,
    taskName: r.taskName,
    entityId: r.entity_id,
    entityName: r.name,
    measure: r.measure,
    office: r.office,
    dueOn: r.due_on,
    closedOn: r.closed_on,
    closingNote: r.closing_note,
    overdue: r.closed_on === null && r.due_on !== null && r.due_on < filters.today,
    daysLate: daysAfter(r.due_on, r.closed_on ?? filters.today),
    closedLate: r.closed_on !== null && r.due_on !== null && r.closed_on > r.due_on,
  }));
  return filters.overdueOnly ? views.filter((v) => v.overdue) : views;
}

/** The tasks that have follow-ups, for the list's filter. */
export function followUpTasks(raw: BetterSqlite3.Database) {
  return all(
    raw,
    qb
      .selectFrom('tasks as t')
      .select(['t.id', 't.number', 't.name'])
      .where(({ exists, selectFrom }) =>
        exists(
          selectFrom('result_follow_ups as f')
            .innerJoin('results as r', 'r.id', 'f.result_id')
            .select('f.id')
            .whereRef('r.task_id', '=', 't.id'),
        ),
      )
      .orderBy('t.year')
      .orderBy('t.seq'),
  );
}
