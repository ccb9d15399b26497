/** One record's edit: the patch, checked, written with a change-log row and an audit row in one transaction. */
import { sql, type Kysely, type Transaction } from 'kysely';
import {
  ENTITY_FIELD_LABELS,
  EXPERT_FIELD_LABELS,
  INSPECTOR_FIELD_LABELS,
  ROSTER_LABELS,
} from '@shared/domain/rosters';
import type { QueryableRoster } from '@shared/domain/roster-views';
import { checkUscc } from '@shared/domain/uscc';
import { AppError } from '@shared/errors';
import type { ParsedReq } from '@shared/ipc/schemas';
import { appendAudit } from '../audit/service';
import type { ServiceContext } from '../app/context';
import type { Database } from '../db/schema';
import { TABLES, type RosterView } from './tables';
import { logRosterChange } from './change-log';

type Trx = Transaction<Database>;
type Values = Record<string, unknown>;

/** column, API field, label: a code no two records of the roster share. */
const UNIQUE_CODES: Record<QueryableRoster, [string, string, string][]> = {
  entities: [
    ['uscc', 'uscc', ENTITY_FIELD_LABELS.uscc],
    ['reg_no', 'regNo', ENTITY_FIELD_LABELS.regNo],
  ],
  inspectors: [['badge_no', 'badgeNo', INSPECTOR_FIELD_LABELS.badgeNo]],
  experts: [['id_or_cert_no', 'idOrCertNo', EXPERT_FIELD_LABELS.idOrCertNo]],
};

export function validateEntityCodes(patch: Values) {
  if (typeof patch.uscc === 'string') {
    const check = checkUscc(patch.uscc);
    if (!check.ok && check.problem === 'checkDigit') {
      throw new AppError(
        'roster.usccCheckDigit',
        `统一社会信用代码校验位不正确（第 18 位应为 ${check.expectedCheckChar}），请核对。`,
        { field: 'uscc' },
      );
    }
  }
}

/** Refuses a changed code that another record of the roster already has; details name the form's field. */
export async function conflictCheck(trx: Trx, roster: QueryableRoster, id: number, next: Values, changed: string[]) {
  for (const [column, field, label] of UNIQUE_CODES[roster]) {
    if (!changed.includes(column) || next[column] === null) continue;
    const other = await trx
      .selectFrom(roster)
      .select(['id', 'name'])
      .where(sql.ref(column), '=', next[column])
      .where('id', '<>', id)
      .executeTakeFirst();
    if (other) {
      const message = `${label}“${String(next[column])}”已被“${other.name}”使用，不能重复。`;
      throw new AppError('roster.duplicateCode', message, { field });
    }
  }
}

/** An office first named in an edit joins the offices list (a name ending in 所 is a 市场监管所). */
export async function ensureOffice(trx: Trx, name: string, at: string) {
  if (name === '') return;
  const kind = name.endsWith('所') ? '市场监管所' : '其他部门';
  await trx.insertInto('offices').orIgnore().values({ name, kind, created_at: at }).execute();
}

/** The record as the patch leaves it, checked: the changed columns, or a refusal. */
function applyPatch(req: ParsedReq<'roster:update'>, before: Values) {
  const spec = TABLES[req.roster];
  const next: Values = { ...before };
  for (const [field, value] of Object.entries(req.patch)) {
    next[spec.columns[field]] = field === 'tags' ? JSON.stringify([...new Set(value as string[])]) : value;
  }
  if (req.roster === 'entities' && next.uscc === null && next.reg_no === null) {
    throw new AppError('roster.noCode', '统一社会信用代码和注册号不能都为空。');
  }
  const changed = Object.values(spec.columns).filter((c) => next[c] !== before[c]);
  // A name the clerk types is the entity's own: it is no longer built from the operator (no longer 待核实).
  if (req.roster === 'entities' && before.name_from_operator === 1 && changed.includes('name')) {
    next.name_from_operator = 0;
    changed.push('name_from_operator');
  }
  return { next, changed };
}

async function writeChange(trx: Trx, ctx: ServiceContext, req: ParsedReq<'roster:update'>, before: Values) {
  const spec = TABLES[req.roster];
  const { next, changed } = applyPatch(req, before);
  if (changed.length === 0) return;
  const at = ctx.now().toISOString();
  const pick = (row: Values) => JSON.stringify(Object.fromEntries(changed.map((c) => [c, row[c]])));
  await conflictCheck(trx, req.roster, req.id, next, changed);
  const set: Values = { ...Object.fromEntries(changed.map((c) => [c, next[c]])), updated_at: at };
  await trx.updateTable(req.roster).set(set).where('id', '=', req.id).execute();
  await logRosterChange(trx, ctx, {
    at,
    roster: spec.table,
    record_id: req.id,
    record_key: spec.key(next),
    action: 'update',
    before: pick(before),
    after: pick(next),
  });
  const audit = { actor: ctx.actor(), action: 'roster:update', target: `${spec.table}:${req.id}`, detail: { changed } };
  await appendAudit(trx, audit, ctx.now());
  if (spec.table !== 'experts' && changed.includes('office')) await ensureOffice(trx, String(next.office), at);
}

/** The stored row of one record, or the refusal that it is gone. */
export async function storedRecord(trx: Trx, roster: QueryableRoster, id: number) {
  const row = await trx.selectFrom(roster).selectAll().where('id', '=', id).executeTakeFirst();
  if (!row)
    throw new AppError('roster.notFound', `${ROSTER_LABELS[roster]}中没有这条记录（编号 ${id}），可能已被删除。`);
  return row;
}

export async function updateRecord(
  db: Kysely<Database>,
  ctx: ServiceContext,
  req: ParsedReq<'roster:update'>,
): Promise<RosterView> {
  if (req.roster === 'entities') validateEntityCodes(req.patch);
  const spec = TABLES[req.roster];
  return db.transaction().execute(async (trx) => {
    const before = await storedRecord(trx, req.roster, req.id);
    await writeChange(trx, ctx, req, before);
    return spec.toView(await trx.selectFrom(req.roster).selectAll().where('id', '=', req.id).executeTakeFirstOrThrow());
  });
}
