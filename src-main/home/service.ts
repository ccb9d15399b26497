/** 首页: what needs attention today, counted on the database as it is now. */
import type BetterSqlite3 from 'better-sqlite3';
import { chinaDate } from '@shared/domain/china-time';
import type { ServiceContext } from '../app/context';
import { attention } from './attention';

export function createHomeService(raw: BetterSqlite3.Database, ctx: ServiceContext) {
  return {
    attention: () => attention(raw, chinaDate(ctx.now())),
  };
}
