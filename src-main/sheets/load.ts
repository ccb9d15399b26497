/**
 * loadSheets: a sealed draw read into DrawSheets — per package its team and, per entity, the header, the items with
 * their 检查子项, and the other tasks and items of a merged joint visit. Read-only; the renderers take the result.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { DrawSheets, EntitySheet, SheetItem, SheetMember, SheetPackage, SheetTask } from '@shared/domain/sheets';
import { AppError } from '@shared/errors';
import { all, first, qb } from '../db/sql';
import { latestProof } from '../draws/views';
import { lookupPeople } from '../draws/draw-people';
import { taskBureauName } from '../plans/tasks';
import { jointVisitsOf, type JointVisit } from './visits';

type Raw = BetterSqlite3.Database;

function sealedDraw(raw: Raw, drawId: number) {
  const draw = first(
    raw,
    qb.selectFrom('draws').select(['id', 'task_id', 'state', 'seed', 'sealed_at']).where('id', '=', drawId),
  );
  if (!draw) throw new AppError('sheets.drawNotFound', `没有找到这次抽取（编号 ${drawId}）。`);
  if (draw.state !== 'sealed' || !draw.seed) {
    throw new AppError('sheets.notSealed', '这次抽取尚未封存，不能生成一户一表和抽查通知书；请先完成抽取并封存。');
  }
  return { ...draw, seed: draw.seed, sealedAt: draw.sealed_at ?? '' };
}

export function readSheetTasks(raw: Raw, taskIds: readonly number[]): Map<number, SheetTask> {
  if (taskIds.length === 0) return new Map();
  const rows = all(
    raw,
    qb
      .selectFrom('tasks')
      .select(['id', 'number', 'name', 'lead_department', 'start_date', 'end_date'])
      .where('id', 'in', [...taskIds]),
  );
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        number: r.number,
        name: r.name,
        leadDepartment: r.lead_department,
        startDate: r.start_date,
        endDate: r.end_date,
      },
    ]),
  );
}

/** The items with their rows (sub-items, or the item itself when it has none), in the order given. */
export function readItems(raw: Raw, items: readonly { id: number; taskId: number }[]): SheetItem[] {
  if (items.length === 0) return [];
  const ids = [...new Set(items.map((i) => i.id))];
  const rows = all(raw, qb.selectFrom('items').select(['id', 'name', 'basis', 'method']).where('id', 'in', ids));
  const byId = new Map(rows.map((r) => [r.id, r]));
  const subs = all(
    raw,
    qb
      .selectFrom('item_sub_items')
      .select(['id', 'item_id', 'content', 'basis', 'method'])
      .where('item_id', 'in', ids)
      .orderBy('item_id')
      .orderBy('ordinal'),
  );
  return items.map(({ id, taskId }, i) => {
    const item = byId.get(id);
    const own = subs.filter((s) => s.item_id === id);
    const n = i + 1;
    const rows = own.length
      ? own.map((s, j) => ({ itemId: id, subItemId: s.id, label: `${n}.${j + 1}`, ...pick(s) }))
      : [{ itemId: id, subItemId: -id, label: `${n}.1`, ...pick(item), content: item?.name ?? '' }];
    return { id, taskId, name: item?.name ?? '（事项已不在清单中）', rows };
  });
}

function pick(row: { content?: string; basis: string; method: string } | undefined) {
  return { content: row?.content ?? '', basis: row?.basis ?? '', method: row?.method ?? '' };
}

function taskItems(raw: Raw, taskId: number): { id: number; taskId: number }[] {
  return all(raw, qb.selectFrom('task_items').select('item_id').where('task_id', '=', taskId).orderBy('ordinal')).map(
    (r) => ({ id: r.item_id, taskId }),
  );
}

/** Team members with name, office, phone and 执法证号; an id no longer in the rosters keeps a placeholder name. */
export function readMembers(raw: Raw, ids: readonly string[]): Map<string, SheetMember> {
  const people = lookupPeople(raw, ids);
  return new Map(
    [...people].map(([id, { name, office, phone, badgeNo, isExpert }]) => [
      id,
      { id, name, office, phone, badgeNo, isExpert },
    ]),
  );
}

function selectedEntities(raw: Raw, drawId: number) {
  const rows = all(
    raw,
    qb
      .selectFrom('draw_selected as s')
      .innerJoin('entities as e', 'e.id', 's.entity_id')
      .select(['s.code', 'e.id', 'e.uscc', 'e.name', 'e.address', 'e.legal_rep', 'e.phone'])
      .where('s.draw_id', '=', drawId),
  );
  return new Map(rows.map((r) => [r.code, r]));
}

/** A sealed draw's record sheets and notices, package by package, in the order of the sealed proof. */
export function loadSheets(raw: Raw, drawId: number): DrawSheets {
  const draw = sealedDraw(raw, drawId);
  const proof = latestProof(raw, drawId);
  if (!proof) throw new AppError('sheets.noProof', '这次抽取没有封存的抽取证明，不能生成一户一表。');
  const task = readSheetTasks(raw, [draw.task_id]).get(draw.task_id)!;
  const ownItems = readItems(raw, taskItems(raw, task.id));
  const entities = selectedEntities(raw, drawId);
  const visits = jointVisitsOf(raw, drawId);
  const members = readMembers(
    raw,
    proof.body.result.packages.flatMap((p) => p.team),
  );
  const packages: SheetPackage[] = proof.body.result.packages.map((p) => ({
    no: p.no,
    area: p.area,
    team: p.team.map((id) => members.get(id)!),
    entities: p.entities.map((code) => {
      const e = entities.get(code);
      if (!e)
        throw new AppError('sheets.entityMissing', `抽取结果中的检查对象 ${code} 已不在名录中，无法生成一户一表。`);
      const visit = visits.get(e.id);
      return entitySheet(drawId, code, e, visit ? visitPart(raw, visit) : { tasks: [task], items: ownItems, task });
    }),
  }));
  return {
    drawId,
    taskId: task.id,
    taskNumber: task.number,
    taskName: task.name,
    bureauName: taskBureauName(raw, task.id),
    seed: draw.seed,
    sealedAt: draw.sealedAt,
    packages,
  };
}

interface Part {
  task: SheetTask;
  tasks: SheetTask[];
  items: SheetItem[];
  visit?: JointVisit;
}

function visitPart(raw: Raw, visit: JointVisit): Part {
  const tasks = readSheetTasks(raw, visit.taskIds);
  const ordered = visit.taskIds.map((id) => tasks.get(id)!);
  return { task: ordered[0], tasks: ordered, items: readItems(raw, visit.items), visit };
}

function entitySheet(
  drawId: number,
  code: string,
  e: { id: number; uscc: string | null; name: string; address: string; legal_rep: string; phone: string },
  part: Part,
): EntitySheet {
  return {
    drawId,
    entityId: e.id,
    code,
    codeKind: e.uscc ? '统一社会信用代码' : '注册号',
    name: e.name,
    address: e.address,
    legalRep: e.legal_rep,
    phone: e.phone,
    tasks: part.tasks,
    visitId: part.visit?.id ?? null,
    startDate: part.visit?.startDate ?? part.task.startDate,
    endDate: part.visit?.endDate ?? part.task.endDate,
    items: part.items,
  };
}
