/**
 * The bureau's offices as the administrator enters them in 系统设置: its 局机关 科室 and its 市场监管所. Each change goes
 * through the roster change log with its audit row; an office that entities or inspectors are recorded under stays.
 */
import type { Kysely, Transaction } from 'kysely';
import { BUREAU_OFFICE_KINDS, type BureauOffice, type BureauOfficeKind } from '@shared/domain/settings';
import { AppError } from '@shared/errors';
import type { Database } from '../db/schema';
import { appendAudit } from '../audit/service';
import type { ServiceContext } from '../app/context';
import { changeJson, logRosterChange } from '../rosters/change-log';
import { formatCount } from '@shared/domain/counts';

async function usedBy(db: Kysely<Database> | Transaction<Database>, name: string): Promise<number> {
  const count = async (table: 'entities' | 'inspectors') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('office', '=', name)
          .executeTakeFirstOrThrow()
      ).n,
    );
  return (await count('entities')) + (await count('inspectors'));
}

async function list(db: Kysely<Database>): Promise<BureauOffice[]> {
  const rows = await db
    .selectFrom('offices')
    .select(['name', 'kind'])
    .where('kind', 'in', [...BUREAU_OFFICE_KINDS])
    .orderBy('kind')
    .orderBy('name')
    .execute();
  const offices: BureauOffice[] = [];
  for (const row of rows) {
    const kind: BureauOfficeKind = row.kind === '局机关' ? '局机关' : '市场监管所';
    offices.push({ name: row.name, kind, used: await usedBy(db, row.name) });
  }
  return offices;
}

export function createOfficeService(db: Kysely<Database>, ctx: ServiceContext) {
  /** Writes one change of an office with its change-log and audit rows. */
  async function logged(
    trx: Transaction<Database>,
    change: { id: number; name: string; action: 'insert' | 'update' | 'delete'; before: unknown; after: unknown },
  ) {
    const at = ctx.now();
    await logRosterChange(trx, ctx, {
      at: at.toISOString(),
      roster: 'offices',
      record_id: change.id,
      record_key: `office:${change.name}`,
      action: change.action,
      before: changeJson(change.before),
      after: changeJson(change.after),
    });
    const action = `offices:${change.action}`;
    await appendAudit(trx, { actor: ctx.actor(), action, target: `offices:${change.id}`, detail: change }, at);
  }

  /** Adds an office, or files one first seen in an import as 其他部门 under the kind chosen here. */
  async function addOffice(req: { name: string; kind: BureauOfficeKind }): Promise<BureauOffice[]> {
    await db.transaction().execute(async (trx) => {
      const existing = await trx.selectFrom('offices').selectAll().where('name', '=', req.name).executeTakeFirst();
      if (existing && existing.kind !== '其他部门')
        throw new AppError('settings.officeExists', `「${req.name}」已在本局科室和所的列表中（${existing.kind}）。`);
      if (existing) {
        await trx.updateTable('offices').set({ kind: req.kind }).where('id', '=', existing.id).execute();
        const before = { name: existing.name, kind: existing.kind };
        await logged(trx, { id: existing.id, name: req.name, action: 'update', before, after: req });
        return;
      }
      const row = { name: req.name, kind: req.kind, created_at: ctx.now().toISOString() };
      const inserted = await trx.insertInto('offices').values(row).returning('id').executeTakeFirstOrThrow();
      await logged(trx, { id: inserted.id, name: req.name, action: 'insert', before: null, after: req });
    });
    return list(db);
  }

  async function removeOffice(req: { name: string }): Promise<BureauOffice[]> {
    await db.transaction().execute(async (trx) => {
      const existing = await trx.selectFrom('offices').selectAll().where('name', '=', req.name).executeTakeFirst();
      if (!existing) return;
      const used = await usedBy(trx, req.name);
      if (used > 0)
        throw new AppError(
          'settings.officeInUse',
          `名录中有 ${formatCount(used)} 条检查对象或执法检查人员记在「${req.name}」下，不能删除；请先在名录中改正所属单位。`,
        );
      await trx.deleteFrom('offices').where('id', '=', existing.id).execute();
      const before = { name: existing.name, kind: existing.kind };
      await logged(trx, { id: existing.id, name: req.name, action: 'delete', before, after: null });
    });
    return list(db);
  }

  return { offices: () => list(db), addOffice, removeOffice };
}
