/** 开始使用: each step of a first run, done or not as the database says now. */
import type { Kysely } from 'kysely';
import type { GettingStartedStep } from '@shared/domain/settings';
import type { Database } from '../db/schema';
import { BUREAU_KEYS } from './bureau';

async function any(db: Kysely<Database>, table: 'items' | 'entities' | 'inspectors'): Promise<boolean> {
  return (await db.selectFrom(table).select('id').limit(1).executeTakeFirst()) !== undefined;
}

export async function gettingStarted(db: Kysely<Database>): Promise<GettingStartedStep[]> {
  const bureau = await db
    .selectFrom('settings')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('key', 'in', [...BUREAU_KEYS])
    .executeTakeFirstOrThrow();
  const published = await db.selectFrom('plans').select('id').where('version', '>', 0).limit(1).executeTakeFirst();
  const drawn = await db
    .selectFrom('draws')
    .select('id')
    .where('state', 'in', ['revealed', 'sealed'])
    .limit(1)
    .executeTakeFirst();
  const admin = await db.selectFrom('users').select('id').where('role', '=', '管理员').limit(1).executeTakeFirst();
  return [
    { key: 'admin', done: admin !== undefined },
    { key: 'bureau', done: Number(bureau.n) === BUREAU_KEYS.length },
    { key: 'items', done: await any(db, 'items') },
    { key: 'entities', done: await any(db, 'entities') },
    { key: 'inspectors', done: await any(db, 'inspectors') },
    { key: 'plan', done: published !== undefined },
    { key: 'draw', done: drawn !== undefined },
  ];
}
