import type BetterSqlite3 from 'better-sqlite3';
import { m0001Init } from './0001-init';
import { m0002Rosters } from './0002-rosters';
import { m0003PlansDraws } from './0003-plans-draws';
import { m0004EntityScopeIndex } from './0004-entity-scope-index';
import { m0005DrawResults } from './0005-draw-results';
import { m0006Results } from './0006-results';
import { m0007EntityNameFromOperator } from './0007-entity-name-from-operator';
import { m0008TaskBureauName } from './0008-task-bureau-name';
import { m0009Publications } from './0009-publications';
import { m0010AuditChain } from './0010-audit-chain';
import { m0011Users } from './0011-users';
import { m0012StatsIndexes } from './0012-stats-indexes';
import { m0013AuditFilters } from './0013-audit-filters';
import { m0014SealedListClosed } from './0014-sealed-list-closed';
import { m0015ItemStatus } from './0015-item-status';
import { m0016UsersDisabled } from './0016-users-disabled';

/**
 * A migration is plain SQL run on the raw connection. The list is static (no file provider: it breaks
 * once bundled) and frozen in time: never edit a released migration, add a new one.
 */
export interface Migration {
  version: number;
  name: string;
  up(db: BetterSqlite3.Database): void;
}

export const MIGRATIONS: readonly Migration[] = [
  m0001Init,
  m0002Rosters,
  m0003PlansDraws,
  m0004EntityScopeIndex,
  m0005DrawResults,
  m0006Results,
  m0007EntityNameFromOperator,
  m0008TaskBureauName,
  m0009Publications,
  m0010AuditChain,
  m0011Users,
  m0012StatsIndexes,
  m0013AuditFilters,
  m0014SealedListClosed,
  m0015ItemStatus,
  m0016UsersDisabled,
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;
