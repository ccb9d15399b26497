/**
 * Bad input before anything is committed: each refusal is a Chinese AppError, and nothing is half-written — no draw
 * row, no stored inputs, no audit row. Two clerks on two connections to the same file cannot both commit a task.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CEREMONY, county, type County } from '../../fixtures/county';
import { refusal } from '../../fixtures/refusal';

let c: County;
beforeAll(async () => {
  c = await county();
  // The year's plan, published with a task that has entities in scope, before the tasks below join it.
  c.publishedTask();
});
afterAll(async () => {
  await c.close();
});

/** Runs `work`, expects a refusal, and checks that no draw, stored input or audit row appeared. */
async function refusedWithoutTrace(work: () => unknown) {
  const before = ['draws', 'draw_inputs', 'audit_log'].map((t) => c.count(t));
  const error = await refusal(work);
  expect(['draws', 'draw_inputs', 'audit_log'].map((t) => c.count(t))).toEqual(before);
  return error;
}

describe('准备 refuses bad input, in Chinese, writing nothing', () => {
  it('an empty scope', async () => {
    // A plan with an empty scope is not published: the scope empties afterwards, when the roster changes.
    const taskId = c.publishedTask({
      scope: { entityTypes: [], industries: ['眼镜验配'], areas: [], offices: [], tags: [], grades: [] },
    });
    c.conn.raw.prepare("UPDATE entities SET reg_status = '注销' WHERE industry = '眼镜验配'").run();
    expect(c.services.tasks.scopePreview(c.services.tasks.get(taskId)).notices[0]).toMatch(/范围内没有符合条件的对象/);
    const error = await refusedWithoutTrace(() => c.services.draws.prepare({ taskId }));
    expect(error.code).toBe('draw.emptyScope');
    expect(error.message).toMatch(/检查对象范围内没有可抽取的对象/);
  });

  it('a grade with no entity in scope is named before drawing, and the draw goes on without it', async () => {
    const taskId = c.publishedTask({
      scope: { entityTypes: [], industries: ['食品销售'], areas: [], offices: [], tags: [], grades: ['A', '未评级'] },
    });
    const preview = c.services.tasks.scopePreview(c.services.tasks.get(taskId));
    expect(preview.notices).toEqual(['未评级在范围内没有检查对象，本级不抽取。']);
    const view = await c.services.draws.prepare({ taskId });
    expect(view.preparation.notices).toEqual(['未评级在范围内没有检查对象，本级不抽取。']);
    expect(view.preparation.strata.map((s) => s.name)).toEqual(['A', '未评级']);
    c.services.draws.void({ drawId: view.id, reason: '测试结束' });
  });

  it('a fixed count larger than the scope', async () => {
    const taskId = c.publishedTask({ ratio: { mode: 'fixed', count: 1_000_000 } });
    expect((await refusedWithoutTrace(() => c.services.draws.prepare({ taskId }))).code).toBe(
      'draw.fixedCountTooLarge',
    );
  });

  it('too few eligible inspectors: fewer than a team', async () => {
    // 单一所: one office's staff only; pick the office with the fewest 在岗 inspectors.
    const office = c.conn.raw
      .prepare(
        "SELECT office FROM inspectors WHERE status = '在岗' AND office LIKE '%所' GROUP BY office ORDER BY count(*), office LIMIT 1",
      )
      .pluck()
      .get() as string;
    const staff = c.conn.raw
      .prepare("SELECT count(*) FROM inspectors WHERE status = '在岗' AND office = ?")
      .pluck()
      .get(office) as number;
    const taskId = c.publishedTask({ teamSize: staff + 1, inspectorScope: { kind: '单一所', offices: [office] } });
    const error = await refusedWithoutTrace(() => c.services.draws.prepare({ taskId }));
    expect(error.code).toBe('draw.tooFewInspectors');
    expect(error.message).toContain(`在岗人员只有 ${staff} 人，不足每组 ${staff + 1} 人`);
  });

  it('too few eligible inspectors: teams cannot be formed under every seed (tag holders, avoidance)', async () => {
    const taskId = c.publishedTask({ requiredTags: ['计量'], maxPackagesPerInspector: 1, packageSize: 1 });
    const error = await refusedWithoutTrace(() => c.services.draws.prepare({ taskId }));
    expect(error.code).toBe('draw.infeasible');
    expect(error.message).toMatch(
      /^无法保证每个名单包都能组成检查组，本次准备未保存。100 次试抽中有 \d+ 次无法组成检查组。/,
    );
    expect(error.details).toMatchObject({ feasible: false, trials: 100 });
  });

  it('a task whose window has passed', async () => {
    const taskId = c.publishedTask({ startDate: '2026-03-01', endDate: '2026-05-31' });
    const error = await refusedWithoutTrace(() => c.services.draws.prepare({ taskId }));
    expect(error.code).toBe('draw.windowPassed');
    expect(error.message).toContain('已于 2026-05-31 结束');
  });

  it('a plan that is not published yet', async () => {
    // Next year's plan: this year's is published already (one plan a year).
    const plan = c.services.plans.save({ year: 2027, title: '未公示的计划' });
    const task = c.services.tasks.save({
      ...(await import('../../../src-main/demo/plan-demo')).demoTaskInput(c.conn.raw, plan.id, c.ctx.now()),
      startDate: '2027-03-01',
      endDate: '2027-04-30',
    });
    expect((await refusedWithoutTrace(() => c.services.draws.prepare({ taskId: task.id }))).code).toBe(
      'draw.planNotPublished',
    );
  });
});

describe('准备 refuses while the bureau is not entered', () => {
  it('the bureau not entered (a plan published before it was required), pointing to 系统设置', async () => {
    const taskId = c.publishedTask();
    const stored = c.conn.raw.prepare("SELECT * FROM settings WHERE key IN ('bureauName', 'bureauShortName')").all();
    c.conn.raw.prepare("DELETE FROM settings WHERE key IN ('bureauName', 'bureauShortName')").run();
    try {
      const error = await refusedWithoutTrace(() => c.services.draws.prepare({ taskId }));
      expect(error.code).toBe('settings.bureauNotSet');
      expect(error.message).toMatch(/不能准备抽取。请先在「系统设置」中填写机关信息。$/);
    } finally {
      const insert = c.conn.raw.prepare(
        'INSERT INTO settings (key, value, updated_at) VALUES (@key, @value, @updated_at)',
      );
      for (const row of stored) insert.run(row);
    }
  });
});

describe('two clerks, one task', () => {
  it('both may prepare, only the first commit counts; the second gets a clear message and nothing changes', async () => {
    const taskId = c.publishedTask({ name: '两位操作员同时抽取' });
    const other = await c.secondClerk();
    const mine = await c.services.draws.prepare({ taskId });
    const theirs = await other.services.draws.prepare({ taskId });
    expect(theirs.inputDigest).toBe(mine.inputDigest); // the same frozen snapshot

    c.services.draws.commit({ drawId: mine.id, ...CEREMONY });
    const auditRows = c.count('audit_log');
    const error = await refusal(() =>
      other.services.draws.commit({ drawId: theirs.id, place: '二楼', operator: '王五', supervisor: '赵六' }),
    );
    expect(['draw.alreadyCommitted', 'draw.wrongState']).toContain(error.code);
    expect(error.message).toMatch(/已由 测试操作员 于 .* 承诺|已作废/);
    expect(c.count('audit_log')).toBe(auditRows);
    const committed = c.conn.raw
      .prepare("SELECT id FROM draws WHERE task_id = ? AND state IN ('committed', 'revealed', 'sealed')")
      .pluck()
      .all(taskId);
    expect(committed).toEqual([mine.id]);
    // The other preparation was retired when the first commit happened (it can never be committed now).
    expect(c.conn.raw.prepare('SELECT state, void_reason FROM draws WHERE id = ?').get(theirs.id)).toEqual({
      state: 'voided',
      void_reason: `同一任务的另一次准备（抽取编号 ${mine.id}）已承诺`,
    });
    // And a third preparation is refused outright.
    expect((await refusal(() => other.services.draws.prepare({ taskId }))).code).toBe('draw.alreadyCommitted');
  });

  it('at the database: with the first commit slipped in between, the unique index still stops the second', async () => {
    const taskId = c.publishedTask({ name: '数据库兜底' });
    const a = await c.services.draws.prepare({ taskId });
    const b = await c.services.draws.prepare({ taskId });
    // Simulate another process committing `a` directly, bypassing every service check.
    c.conn.raw
      .prepare(
        "UPDATE draws SET state = 'committed', nonce = ?, nonce_commit = ?, committed_at = ?, committed_by = '另一进程', place = 'x', operator = 'x', supervisor = 'x' WHERE id = ?",
      )
      .run('1'.repeat(64), '2'.repeat(64), c.ctx.now().toISOString(), a.id);
    const error = await refusal(() => c.services.draws.commit({ drawId: b.id, ...CEREMONY }));
    expect(error.code).toBe('draw.alreadyCommitted');
    expect(error.message).toContain('另一进程');
  });
});

describe('steps out of order', () => {
  it('witness before commit, reveal before any witness, seal before reveal, commit without the people', async () => {
    const taskId = c.publishedTask({ name: '顺序检查' });
    const { id } = await c.services.draws.prepare({ taskId });
    expect((await refusal(() => c.services.draws.witness({ drawId: id, name: '李明', value: '1' }))).message).toBe(
      '这次抽取尚未承诺，不能录入见证值。',
    );
    expect((await refusal(() => c.services.draws.reveal({ drawId: id }))).message).toBe('这次抽取尚未承诺，不能揭晓。');
    expect(
      (await refusal(() => c.services.draws.commit({ drawId: id, place: '会议室', operator: '张敏', supervisor: ' ' })))
        .code,
    ).toBe('draw.commitInfo');
    c.services.draws.commit({ drawId: id, ...CEREMONY });
    expect((await refusal(() => c.services.draws.reveal({ drawId: id }))).code).toBe('draw.noWitness');
    expect((await refusal(() => c.services.draws.seal({ drawId: id }))).message).toBe(
      '这次抽取已承诺、尚未揭晓，不能封存。',
    );
    c.services.draws.witness({ drawId: id, name: '第1期开奖', value: '7', kind: 'public' });
    expect(
      (await refusal(() => c.services.draws.witness({ drawId: id, name: '第2期开奖', value: '8', kind: 'public' })))
        .code,
    ).toBe('draw.publicTwice');
    expect((await refusal(() => c.services.draws.reveal({ drawId: id }))).code).toBe('draw.noWitness'); // a public value alone is not a witness
    expect(c.services.draws.ceremonyState({ taskId }).stage).toBe('committed');
  });
});
