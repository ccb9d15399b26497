/**
 * A task's inspector pool: who 准备 freezes (readInspectorPool) and what the task page previews (previewPool). Who a
 * drawn id is: draw-people.ts.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { Inspector } from '@shared/draw';
import type { PoolPreview, TaskConfig } from '@shared/domain/tasks';
import { officeKindOf, type OfficeKind } from '../rosters/offices';
import { all, qb } from '../db/sql';
import { expertDrawId, inspectorDrawId } from './draw-people';

/** The inspector side of the task (TaskConfig fields plus the joining departments). */
export type PoolRequest = Pick<TaskConfig, 'inspectorScope' | 'includeExperts' | 'expertTags'> & {
  joiningDepartments: string[];
};

export interface InspectorPool {
  inspectors: Inspector[];
  /** How many of them are experts (ids 专家NNNN). */
  experts: number;
}

/** Office kinds from the offices table; offices not registered there get the import's guess from their name. */
function officeKinds(raw: BetterSqlite3.Database): (office: string) => OfficeKind {
  const known = new Map(all(raw, qb.selectFrom('offices').select(['name', 'kind'])).map((o) => [o.name, o.kind]));
  return (office) => known.get(office) ?? officeKindOf(office);
}

/**
 * The pool of 在岗 inspectors the scope allows (004 §六), as 检查员NNNN in row order: 全局 every office; 局机关与所 the chosen 局机关
 * departments (all when none) and every 所; 若干所 / 单一所 the chosen offices. Always with a 联合抽查's joining departments, and
 * 在库 experts when asked.
 */
export function readInspectorPool(raw: BetterSqlite3.Database, request: PoolRequest): InspectorPool {
  const kindOf = officeKinds(raw);
  const chosen = new Set(request.inspectorScope.offices);
  const joining = new Set(request.joiningDepartments);
  const inScope = (office: string): boolean => {
    if (joining.has(office)) return true;
    const kind = kindOf(office);
    switch (request.inspectorScope.kind) {
      case '全局':
        return kind === '局机关' || kind === '市场监管所';
      case '局机关与所':
        return kind === '市场监管所' || (kind === '局机关' && (chosen.size === 0 || chosen.has(office)));
      case '若干所':
      case '单一所':
        return chosen.has(office);
    }
  };
  const inspectors: Inspector[] = [];
  const onDuty = qb
    .selectFrom('inspectors')
    .select(['id', 'office', 'tags'])
    .where('status', '=', '在岗')
    .orderBy('id');
  const rows = all(raw, onDuty);
  for (const row of rows) {
    if (!inScope(row.office)) continue;
    inspectors.push({ id: inspectorDrawId(row.id), office: row.office, tags: JSON.parse(row.tags) as string[] });
  }
  let experts = 0;
  if (request.includeExperts) {
    const wanted = new Set(request.expertTags);
    const available = qb
      .selectFrom('experts')
      .select(['id', 'organisation', 'tags'])
      .where('status', '=', '在库')
      .orderBy('id');
    const expertRows = all(raw, available);
    for (const row of expertRows) {
      const tags = JSON.parse(row.tags) as string[];
      if (wanted.size > 0 && !tags.some((tag) => wanted.has(tag))) continue;
      const id = expertDrawId(row.id);
      // An expert's "office" is the organisation: it never equals an entity's 管辖单位, and distinctOffices keeps
      // two experts of one organisation apart.
      const office = row.organisation || '专家库';
      inspectors.push({ id, office, tags });
      experts++;
    }
  }
  return { inspectors, experts };
}

/** Why a pool of `inspectors` people cannot draw teams of `teamSize` (the task page's notice, 准备's refusal). */
export function tooFewInspectors(inspectors: number, teamSize: number): string {
  return `执法人员范围内在岗人员只有 ${inspectors} 人，不足每组 ${teamSize} 人。请扩大执法人员范围或检查人员状态。`;
}

/** The inspector side of the task page's live preview (tasks:scope-preview `pool`). */
export type PoolPreviewRequest = PoolRequest & Pick<TaskConfig, 'teamSize' | 'packageSize' | 'maxPackagesPerInspector'>;

/**
 * Who the inspector scope allows now (the pool 准备 would read) and whether they can be enough for `expected` entities.
 * Only what is sure is said: too few people for one team, or fewer possible teams than the fewest packages there can
 * be; 准备's feasibility check settles the rest.
 */
export function previewPool(
  raw: BetterSqlite3.Database,
  request: PoolPreviewRequest,
  expected: number,
): { pool: PoolPreview; notices: string[] } {
  const { inspectors, experts } = readInspectorPool(raw, request);
  const pool: PoolPreview = {
    inspectors: inspectors.length,
    experts,
    offices: new Set(inspectors.map((inspector) => inspector.office)).size,
    packagesAtLeast: Math.ceil(expected / request.packageSize),
    teamsAtMost: Math.floor((inspectors.length * request.maxPackagesPerInspector) / request.teamSize),
  };
  const notices: string[] = [];
  if (pool.inspectors < request.teamSize) {
    notices.push(tooFewInspectors(pool.inspectors, request.teamSize));
  } else if (pool.packagesAtLeast > pool.teamsAtMost) {
    notices.push(
      `预计至少 ${pool.packagesAtLeast} 个名单包，而范围内 ${pool.inspectors} 名执法人员每人最多参加 ${request.maxPackagesPerInspector} 个检查组、每组 ${request.teamSize} 人，最多只能组成 ${pool.teamsAtMost} 个检查组。请扩大执法人员范围、提高每人最多参加的组数或增加每个名单包的户数。`,
    );
  }
  return { pool, notices };
}
