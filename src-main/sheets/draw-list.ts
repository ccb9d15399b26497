/**
 * The sealed draws whose sheets can be produced, for the 一户一表 page: task, entity count, and per 名单包 its entity
 * count and 检查组 (as in the latest sealed proof, 递补 included).
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { SheetDrawView } from '@shared/ipc/channels/sheets';
import { sealedDrawsWithTask } from '../draws/sealed';
import { AppError } from '@shared/errors';
import { all, first, qb } from '../db/sql';
import { latestProof } from '../draws/views';
import type { SheetOutline } from './export';
import { readMembers } from './load';

type Raw = BetterSqlite3.Database;

export function sealedDrawViews(raw: Raw): SheetDrawView[] {
  const rows = all(
    raw,
    sealedDrawsWithTask()
      .select(['d.id', 'd.task_id', 'd.sealed_at', 't.number', 't.name', 't.year'])
      .orderBy('d.sealed_at', 'desc')
      .orderBy('d.id', 'desc'),
  );
  return rows.flatMap((d) => {
    const proof = latestProof(raw, d.id);
    if (!proof) return [];
    const packages = proof.body.result.packages;
    const members = readMembers(
      raw,
      packages.flatMap((p) => p.team),
    );
    const joint = first(
      raw,
      qb
        .selectFrom('joint_visit_tasks')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('draw_id', '=', d.id),
    );
    return [
      {
        drawId: d.id,
        taskId: d.task_id,
        taskNumber: d.number,
        taskName: d.name,
        year: d.year,
        sealedAt: d.sealed_at ?? '',
        entities: packages.reduce((n, p) => n + p.entities.length, 0),
        jointVisits: joint?.n ?? 0,
        packages: packages.map((p) => ({
          no: p.no,
          area: p.area,
          entities: p.entities.length,
          team: p.team.map((id) => {
            const m = members.get(id)!;
            return { id, name: m.name, isExpert: m.isExpert };
          }),
        })),
      },
    ];
  });
}

/** What names a sealed draw's files (export.ts): its task number and its packages' sizes, from the latest proof. */
export function drawOutline(raw: Raw, drawId: number): SheetOutline {
  const task = first(
    raw,
    qb
      .selectFrom('draws as d')
      .innerJoin('tasks as t', 't.id', 'd.task_id')
      .select('t.number')
      .where('d.id', '=', drawId),
  );
  const packages = latestProof(raw, drawId)?.body.result.packages ?? [];
  return { taskNumber: task?.number ?? '', packages: packages.map((p) => ({ no: p.no, entities: p.entities.length })) };
}

/** Refuses, before any work starts, a draw that does not exist or is not sealed. */
export function assertSealed(raw: Raw, drawId: number): void {
  const draw = first(raw, qb.selectFrom('draws').select('state').where('id', '=', drawId));
  if (!draw) throw new AppError('sheets.drawNotFound', `没有找到这次抽取（编号 ${drawId}）。`);
  if (draw.state !== 'sealed')
    throw new AppError('sheets.notSealed', '这次抽取尚未封存，不能导出一户一表；请先在「随机抽取」中完成抽取并封存。');
}
