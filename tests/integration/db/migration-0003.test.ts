/**
 * Migration 0003 (plans, tasks, draws): the rules the database itself enforces, tried directly with SQL — the state
 * machine of a draw, one committed draw per task, immutability of everything sealed, published or witnessed.
 */
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { registerSqlFunctions, runMigrations } from '../../../src-main/db/connection';
import { MIGRATIONS } from '../../../src-main/db/migrations';

const handles: BetterSqlite3.Database[] = [];
afterEach(() => {
  while (handles.length) handles.pop()!.close();
});

const NOW = '2026-11-23T09:00:00.000Z';
const HEX = (c: string) => c.repeat(64);

function migrated(): BetterSqlite3.Database {
  const raw = new BetterSqlite3(':memory:');
  handles.push(raw);
  raw.pragma('foreign_keys = ON');
  registerSqlFunctions(raw);
  runMigrations(
    raw,
    MIGRATIONS.filter((m) => m.version <= 3),
  );
  return raw;
}

/** A plan with one task, and an entity and an item to point at. */
function withTask(raw: BetterSqlite3.Database): { planId: number; taskId: number; entityId: number } {
  const planId = Number(
    raw
      .prepare("INSERT INTO plans (year, title, created_at, updated_at) VALUES (2026, '2026年度计划', ?, ?)")
      .run(NOW, NOW).lastInsertRowid,
  );
  const taskId = Number(
    raw
      .prepare(
        `INSERT INTO tasks (plan_id, year, seq, number, name, lead_department, start_date, end_date, ratio_mode, config, created_at, updated_at)
         VALUES (?, 2026, 1, '某市监抽查〔2026〕1号', '食品抽查', '县市场监督管理局', '2026-03-01', '2026-05-31', 'grades', '{}', ?, ?)`,
      )
      .run(planId, NOW, NOW).lastInsertRowid,
  );
  const entityId = Number(
    raw
      .prepare(
        "INSERT INTO entities (uscc, name, entity_type, created_at, updated_at) VALUES ('91469006MA5T000001', '某店', '企业', ?, ?)",
      )
      .run(NOW, NOW).lastInsertRowid,
  );
  return { planId, taskId, entityId };
}

function prepare(raw: BetterSqlite3.Database, taskId: number): number {
  const id = Number(
    raw
      .prepare(
        "INSERT INTO draws (task_id, attempt, state, prepared_at, prepared_by, input_digest, summary) VALUES (?, 1, 'prepared', ?, '张三', ?, '{}')",
      )
      .run(taskId, NOW, HEX('a')).lastInsertRowid,
  );
  raw.prepare("INSERT INTO draw_inputs (draw_id, canonical) VALUES (?, x'7b7d')").run(id);
  return id;
}

function commit(raw: BetterSqlite3.Database, drawId: number) {
  return raw
    .prepare(
      "UPDATE draws SET state = 'committed', nonce = ?, nonce_commit = ?, committed_at = ?, committed_by = '张三', place = '会议室', operator = '张三', supervisor = '李四' WHERE id = ?",
    )
    .run(HEX('b'), HEX('c'), NOW, drawId);
}

function revealAndSeal(raw: BetterSqlite3.Database, drawId: number) {
  raw
    .prepare(
      "INSERT INTO draw_witnesses (draw_id, ordinal, kind, name, value, entered_at, actor) VALUES (?, 1, 'witness', '王五', '314159', ?, '张三')",
    )
    .run(drawId, NOW);
  raw
    .prepare("UPDATE draws SET state = 'revealed', revealed_at = ?, seed = ?, result = '{}' WHERE id = ?")
    .run(NOW, HEX('d'), drawId);
  raw.prepare("UPDATE draws SET state = 'sealed', sealed_at = ?, sealed_by = '张三' WHERE id = ?").run(NOW, drawId);
}

describe('migration 0003: schema', () => {
  it('sets schema version 3 and creates every table', () => {
    const raw = migrated();
    expect(raw.pragma('user_version', { simple: true })).toBe(3);
    const tables = raw.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
    for (const t of [
      'plans',
      'plan_versions',
      'tasks',
      'task_items',
      'task_departments',
      'draws',
      'draw_inputs',
      'draw_witnesses',
      'draw_proofs',
      'draw_amendments',
      'draw_selected',
      'draw_roster_dates',
      'joint_visits',
      'joint_visit_tasks',
    ])
      expect(tables).toContain(t);
  });
});

describe('migration 0003: plan versions', () => {
  it('keeps published plan versions as they were, and a published plan published', () => {
    const raw = migrated();
    const { planId, taskId } = withTask(raw);
    const insertVersion = raw.prepare(
      "INSERT INTO plan_versions (plan_id, version, published_at, actor, reason, publication, tasks) VALUES (?, ?, ?, '张三', ?, '{}', '[]')",
    );
    insertVersion.run(planId, 1, NOW, null);
    expect(() => insertVersion.run(planId, 2, NOW, null)).toThrow(/CHECK/); // a change needs its reason
    insertVersion.run(planId, 2, NOW, '增加联合部门');
    expect(() => insertVersion.run(planId, 2, NOW, '重复')).toThrow(/UNIQUE/);
    expect(() => raw.prepare("UPDATE plan_versions SET reason = '改写'").run()).toThrow(/已公示的计划版本不可修改/);
    expect(() => raw.prepare('DELETE FROM plan_versions').run()).toThrow(/已公示的计划版本不可删除/);

    expect(() => raw.prepare('UPDATE plans SET version = 1 WHERE id = ?').run(planId)).toThrow(/CHECK/); // version without status
    raw.prepare("UPDATE plans SET status = '已公示', version = 2 WHERE id = ?").run(planId);
    expect(() => raw.prepare("UPDATE plans SET status = '草稿', version = 0 WHERE id = ?").run(planId)).toThrow(
      /不能撤回为草稿/,
    );
    expect(() => raw.prepare('DELETE FROM tasks WHERE id = ?').run(taskId)).toThrow(/已公示计划中的任务不可删除/);
    expect(() => raw.prepare('DELETE FROM plans WHERE id = ?').run(planId)).toThrow(/已公示的计划不可删除/);
  });
});

describe('migration 0003: the state machine of a draw', () => {
  it('allows only prepared → committed → revealed → sealed, or a void, and fixes what each step fixed', () => {
    const raw = migrated();
    const { taskId } = withTask(raw);
    const drawId = prepare(raw, taskId);
    expect(() =>
      raw.prepare("UPDATE draws SET state = 'revealed', seed = ?, result = '{}' WHERE id = ?").run(HEX('d'), drawId),
    ).toThrow(/抽取状态不能这样变更/);
    expect(() => raw.prepare("UPDATE draws SET state = 'committed' WHERE id = ?").run(drawId)).toThrow(/CHECK/); // no nonce
    commit(raw, drawId);
    expect(() => raw.prepare('UPDATE draws SET nonce = ? WHERE id = ?').run(HEX('e'), drawId)).toThrow(
      /一经确定不可修改/,
    );
    expect(() => raw.prepare("UPDATE draws SET supervisor = '赵六' WHERE id = ?").run(drawId)).toThrow(
      /一经确定不可修改/,
    );
    expect(() => raw.prepare('UPDATE draws SET summary = \'{"x":1}\' WHERE id = ?').run(drawId)).toThrow(
      /一经确定不可修改/,
    );
    expect(() => raw.prepare('DELETE FROM draws WHERE id = ?').run(drawId)).toThrow(/已承诺或已作废的抽取不可删除/);
    expect(() => raw.prepare('DELETE FROM draw_inputs WHERE draw_id = ?').run(drawId)).toThrow(
      /已承诺抽取的输入不可删除/,
    );
    expect(() => raw.prepare("UPDATE draw_inputs SET canonical = x'00'").run()).toThrow(/抽取输入不可修改/);
    revealAndSeal(raw, drawId);
    expect(() =>
      raw.prepare("UPDATE draws SET state = 'voided', void_reason = '想重抽' WHERE id = ?").run(drawId),
    ).toThrow(/已封存的抽取不可修改/);
    expect(() => raw.prepare("UPDATE draws SET sealed_by = '别人' WHERE id = ?").run(drawId)).toThrow(
      /已封存的抽取不可修改/,
    );
  });

  it('a void needs its reason and is final; a preparation may be deleted, a void may not', () => {
    const raw = migrated();
    const { taskId } = withTask(raw);
    const drawId = prepare(raw, taskId);
    commit(raw, drawId);
    expect(() => raw.prepare("UPDATE draws SET state = 'voided', void_reason = '  ' WHERE id = ?").run(drawId)).toThrow(
      /CHECK/,
    );
    raw
      .prepare(
        "UPDATE draws SET state = 'voided', voided_at = ?, voided_by = '张三', void_reason = '监督人员未到场' WHERE id = ?",
      )
      .run(NOW, drawId);
    expect(() => raw.prepare("UPDATE draws SET state = 'committed' WHERE id = ?").run(drawId)).toThrow(
      /已作废的抽取不可修改/,
    );
    expect(() => raw.prepare('DELETE FROM draws WHERE id = ?').run(drawId)).toThrow(/不可删除/);
    const draft = prepare(raw, taskId);
    raw.prepare('DELETE FROM draw_inputs WHERE draw_id = ?').run(draft);
    raw.prepare('DELETE FROM draws WHERE id = ?').run(draft);
    expect(raw.prepare('SELECT count(*) FROM draws').pluck().get()).toBe(1);
  });

  it('lets two clerks prepare a task but only one commit (the unique partial index)', () => {
    const raw = migrated();
    const { taskId } = withTask(raw);
    const first = prepare(raw, taskId);
    const second = prepare(raw, taskId);
    commit(raw, first);
    expect(() => commit(raw, second)).toThrow(/UNIQUE constraint failed: draws.task_id/);
    // Once the first is voided (with its reason) the task may be drawn again.
    raw
      .prepare(
        "UPDATE draws SET state = 'voided', voided_at = ?, voided_by = '张三', void_reason = '见证人未到' WHERE id = ?",
      )
      .run(NOW, first);
    commit(raw, second);
    expect(raw.prepare("SELECT id FROM draws WHERE state = 'committed'").pluck().all()).toEqual([second]);
  });
});

describe('migration 0003: witnesses, proofs and amendments are append-only', () => {
  it('takes witness values only while committed, and never changes them', () => {
    const raw = migrated();
    const { taskId } = withTask(raw);
    const drawId = prepare(raw, taskId);
    const witness = raw.prepare(
      "INSERT INTO draw_witnesses (draw_id, ordinal, kind, name, value, entered_at, actor) VALUES (?, ?, ?, '王五', '42', ?, '张三')",
    );
    expect(() => witness.run(drawId, 1, 'witness', NOW)).toThrow(/只有已承诺、尚未揭晓的抽取可以录入见证值/);
    commit(raw, drawId);
    witness.run(drawId, 1, 'witness', NOW);
    witness.run(drawId, 2, 'public', NOW);
    expect(() => witness.run(drawId, 3, 'public', NOW)).toThrow(/UNIQUE/);
    expect(() => raw.prepare("UPDATE draw_witnesses SET value = '43'").run()).toThrow(/见证值不可修改/);
    expect(() => raw.prepare('DELETE FROM draw_witnesses').run()).toThrow(/见证值不可删除/);
    raw
      .prepare("UPDATE draws SET state = 'revealed', revealed_at = ?, seed = ?, result = '{}' WHERE id = ?")
      .run(NOW, HEX('d'), drawId);
    expect(() => witness.run(drawId, 3, 'witness', NOW)).toThrow(/只有已承诺、尚未揭晓的抽取可以录入见证值/);
  });

  it('stores proofs, amendments and the drawn list of sealed draws only, append-only', () => {
    const raw = migrated();
    const { taskId, entityId } = withTask(raw);
    const drawId = prepare(raw, taskId);
    commit(raw, drawId);
    const proof = raw.prepare(
      "INSERT INTO draw_proofs (draw_id, version, sealed_at, body, record) VALUES (?, ?, ?, '{}', '{}')",
    );
    const amendment = raw.prepare(
      "INSERT INTO draw_amendments (draw_id, ordinal, package_no, out_id, in_id, reason, at, actor) VALUES (?, ?, 1, 'ZF1', 'ZF2', ?, ?, '张三')",
    );
    const selected = raw.prepare(
      "INSERT INTO draw_selected (draw_id, entity_id, code, stratum, rank, key, package_no) VALUES (?, ?, '91469006MA5T000001', 'B', 1, ?, 1)",
    );
    expect(() => proof.run(drawId, 1, NOW)).toThrow(/只有已封存的抽取可以保存抽取记录/);
    expect(() => amendment.run(drawId, 1, '回避', NOW)).toThrow(/只有已封存的抽取可以递补人员/);
    expect(() => selected.run(drawId, entityId, HEX('f'))).toThrow(/只有已封存的抽取可以登记抽中对象/);
    revealAndSeal(raw, drawId);
    proof.run(drawId, 1, NOW);
    selected.run(drawId, entityId, HEX('f'));
    expect(() => amendment.run(drawId, 1, ' ', NOW)).toThrow(/CHECK/); // a reason is required
    amendment.run(drawId, 1, '因病请假', NOW);
    proof.run(drawId, 2, NOW);
    expect(() => raw.prepare('UPDATE draw_proofs SET body = \'{"x":1}\'').run()).toThrow(/已封存的抽取记录不可修改/);
    expect(() => raw.prepare('DELETE FROM draw_proofs').run()).toThrow(/已封存的抽取记录不可删除/);
    expect(() => raw.prepare("UPDATE draw_amendments SET reason = '改'").run()).toThrow(/递补记录不可修改/);
    expect(() => raw.prepare('DELETE FROM draw_amendments').run()).toThrow(/递补记录不可删除/);
    expect(() => raw.prepare('UPDATE draw_selected SET package_no = 2').run()).toThrow(/抽中对象名单不可修改/);
    expect(() => raw.prepare('DELETE FROM draw_selected').run()).toThrow(/抽中对象名单不可删除/);
    raw.prepare('INSERT INTO draw_roster_dates (draw_id, done_at, updated) VALUES (?, ?, 1)').run(drawId, NOW);
    expect(() =>
      raw.prepare('INSERT INTO draw_roster_dates (draw_id, done_at, updated) VALUES (?, ?, 1)').run(drawId, NOW),
    ).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() => raw.prepare('UPDATE draw_roster_dates SET updated = 2').run()).toThrow(/登记记录不可修改/);
    expect(() => raw.prepare('DELETE FROM draw_roster_dates').run()).toThrow(/登记记录不可删除/);
  });
});

describe('migration 0003: joint visits', () => {
  it('records joint visits for good, one visit per entity and task', () => {
    const raw = migrated();
    const { taskId, entityId } = withTask(raw);
    const drawId = prepare(raw, taskId);
    const visit = Number(
      raw
        .prepare(
          "INSERT INTO joint_visits (entity_id, items, start_date, end_date, created_at, actor) VALUES (?, '[1,2]', '2026-03-01', '2026-05-31', ?, '张三')",
        )
        .run(entityId, NOW).lastInsertRowid,
    );
    raw
      .prepare('INSERT INTO joint_visit_tasks (visit_id, task_id, draw_id, entity_id) VALUES (?, ?, ?, ?)')
      .run(visit, taskId, drawId, entityId);
    expect(() =>
      raw
        .prepare('INSERT INTO joint_visit_tasks (visit_id, task_id, draw_id, entity_id) VALUES (?, ?, ?, ?)')
        .run(visit, taskId, drawId, entityId),
    ).toThrow(/UNIQUE/);
    expect(() => raw.prepare("UPDATE joint_visits SET note = 'x'").run()).toThrow(/不可修改/);
    expect(() => raw.prepare('DELETE FROM joint_visit_tasks').run()).toThrow(/不可删除/);
  });
});
