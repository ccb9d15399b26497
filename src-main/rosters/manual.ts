/**
 * Records added and deleted by hand: each written with its change-log row (source `edit`) and its audit row in one
 * transaction. A delete is refused for a record a draw used (usage.ts).
 */
import type { Kysely, Transaction } from 'kysely';
import { AppError } from '@shared/errors';
import type { ParsedReq } from '@shared/ipc/schemas';
import { appendAudit } from '../audit/service';
import type { ServiceContext } from '../app/context';
import type { Database } from '../db/schema';
import { TABLES, type RosterView } from './tables';
import { logRosterChange } from './change-log';
import { conflictCheck, ensureOffice, storedRecord, validateEntityCodes } from './update';
import { refuseIfUsed } from './usage';

type Req = ParsedReq<'roster:create'>;
const tagsJson = (tags: readonly string[] | undefined) => JSON.stringify([...new Set(tags ?? [])]);

/** The columns a new record of every roster has. */
const commonColumns = (v: Req['values'], at: string) => ({
  name: v.name,
  tags: tagsJson(v.tags),
  phone: v.phone ?? '',
  flags: '[]',
  created_at: at,
  updated_at: at,
});

function entityRow(v: Extract<Req, { roster: 'entities' }>['values'], common: ReturnType<typeof commonColumns>) {
  if ((v.uscc ?? null) === null && (v.regNo ?? null) === null)
    throw new AppError('roster.noCode', '统一社会信用代码和注册号不能都为空，请至少填写一个。', { field: 'uscc' });
  return {
    ...common,
    uscc: v.uscc ?? null,
    reg_no: v.regNo ?? null,
    entity_type: v.entityType,
    industry: v.industry ?? '',
    address: v.address ?? '',
    area: v.area ?? '',
    office: v.office ?? '',
    legal_rep: v.legalRep ?? '',
    credit_grade: v.creditGrade ?? null,
    reg_status: v.regStatus ?? '存续',
    last_inspected_on: v.lastInspectedOn ?? null,
  };
}

/** The new row with its key checked unused; its id. */
async function insertRow(trx: Transaction<Database>, req: Req, at: string): Promise<number> {
  const common = commonColumns(req.values, at);
  if (req.roster === 'entities') {
    const row = entityRow(req.values, common);
    await conflictCheck(trx, 'entities', 0, row, ['uscc', 'reg_no']);
    return (await trx.insertInto('entities').values(row).returning('id').executeTakeFirstOrThrow()).id;
  }
  if (req.roster === 'inspectors') {
    const v = req.values;
    const row = { ...common, badge_no: v.badgeNo, office: v.office ?? '', status: v.status ?? '在岗' };
    await conflictCheck(trx, 'inspectors', 0, row, ['badge_no']);
    return (await trx.insertInto('inspectors').values(row).returning('id').executeTakeFirstOrThrow()).id;
  }
  const v = req.values;
  const row = {
    ...common,
    id_or_cert_no: v.idOrCertNo,
    organisation: v.organisation ?? '',
    status: v.status ?? '在库',
  };
  await conflictCheck(trx, 'experts', 0, row, ['id_or_cert_no']);
  return (await trx.insertInto('experts').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function createRecord(db: Kysely<Database>, ctx: ServiceContext, req: Req): Promise<RosterView> {
  if (req.roster === 'entities') validateEntityCodes(req.values);
  const spec = TABLES[req.roster];
  const at = ctx.now().toISOString();
  return db.transaction().execute(async (trx) => {
    const id = await insertRow(trx, req, at);
    const stored = await trx.selectFrom(req.roster).selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const change = { at, roster: spec.table, record_id: id, record_key: spec.key(stored) };
    await logRosterChange(trx, ctx, { ...change, action: 'insert', before: null, after: JSON.stringify(stored) });
    const audit = { actor: ctx.actor(), action: 'roster:create', target: `${spec.table}:${id}`, detail: {} };
    await appendAudit(trx, audit, ctx.now());
    if ('office' in req.values && req.values.office) await ensureOffice(trx, req.values.office, at);
    return spec.toView(stored);
  });
}

export async function deleteRecord(
  db: Kysely<Database>,
  ctx: ServiceContext,
  req: ParsedReq<'roster:delete'>,
): Promise<{ deleted: number }> {
  const spec = TABLES[req.roster];
  return db.transaction().execute(async (trx) => {
    const before = await storedRecord(trx, req.roster, req.id);
    const key = spec.key(before);
    await refuseIfUsed(trx, req.roster, { id: req.id, code: 'badge_no' in before ? before.badge_no : '' });
    await trx.deleteFrom(req.roster).where('id', '=', req.id).execute();
    const change = { at: ctx.now().toISOString(), roster: spec.table, record_id: req.id, record_key: key };
    await logRosterChange(trx, ctx, { ...change, action: 'delete', before: JSON.stringify(before), after: null });
    const audit = { actor: ctx.actor(), action: 'roster:delete', target: `${spec.table}:${req.id}`, detail: { key } };
    await appendAudit(trx, audit, ctx.now());
    return { deleted: 1 };
  });
}
