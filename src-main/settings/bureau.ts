/**
 * Whether the bureau has been entered: both 机关名称 and 机关简称 stored by the administrator. Until then the settings
 * read back the placeholder defaults, which may name draft tasks but never anything published or drawn.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { AppError } from '@shared/errors';
import { qb, run, value } from '../db/sql';

export const BUREAU_KEYS = ['bureauName', 'bureauShortName'] as const;

/** The name and 简称 a demo database runs under: plainly not a real bureau. */
export const DEMO_BUREAU = { bureauName: '示例县市场监督管理局', bureauShortName: '示例市监' } as const;

export function bureauIsSet(raw: BetterSqlite3.Database): boolean {
  const stored = value(
    raw,
    qb
      .selectFrom('settings')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('key', 'in', [...BUREAU_KEYS]),
  );
  return stored === BUREAU_KEYS.length;
}

/** Refuses `what` (「公示计划」, 「准备抽取」) while the bureau is not entered. */
export function requireBureau(raw: BetterSqlite3.Database, what: string): void {
  if (bureauIsSet(raw)) return;
  throw new AppError(
    'settings.bureauNotSet',
    `尚未填写本局的机关名称和机关简称，不能${what}。请先在「系统设置」中填写机关信息。`,
  );
}

/** The demo's bureau, inside the demo's transaction, when none is entered yet (a real one is never replaced). */
export function setDemoBureau(raw: BetterSqlite3.Database, at: string): boolean {
  if (bureauIsSet(raw)) return false;
  for (const key of BUREAU_KEYS) {
    const stored = JSON.stringify(DEMO_BUREAU[key]);
    run(
      raw,
      qb
        .insertInto('settings')
        .values({ key, value: stored, updated_at: at })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value: stored, updated_at: at })),
    );
  }
  return true;
}
