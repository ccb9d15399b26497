/**
 * First run: until the administrator enters the bureau, the placeholder names serve draft tasks only — publishing a
 * plan is refused, pointing to 系统设置. Draft tasks follow each change of 机关名称/简称; a published task, and its
 * draw, keep what was published. The home page's 开始使用 steps follow the data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DrawProof } from '@shared/draw';
import { demoTaskInput } from '../../../src-main/demo/plan-demo';
import { loadDemoData } from '../../../src-main/demo/demo-data';
import { county, type County } from '../../fixtures/county';
import { createTestDb } from '../../fixtures/test-db';
import { refusal, refusalSync } from '../../fixtures/refusal';

const CHENGGUAN = { bureauName: '城关县市场监督管理局', bureauShortName: '城关市监' };
const RENAMED = { bureauName: '城关县市场监督管理局（知识产权局）', bureauShortName: '城关市监知' };

let c: County;
beforeAll(async () => {
  c = await county(3000);
  // The rosters are in, but nobody has entered the bureau yet.
  c.conn.raw.prepare("DELETE FROM settings WHERE key IN ('bureauName', 'bureauShortName')").run();
});
afterAll(async () => {
  await c.close();
});

/** A draft plan of `year` (one plan a year) with the demo task. */
const newTask = (title: string, year = 2026) => {
  const plan = c.services.plans.save({ year, title });
  const dates = year === 2026 ? {} : { startDate: `${year}-03-01`, endDate: `${year}-04-30` };
  const task = c.services.tasks.save(demoTaskInput(c.conn.raw, plan.id, c.ctx.now(), dates));
  return { planId: plan.id, taskId: task.id };
};
let draft: { planId: number; taskId: number };
const steps = async () => Object.fromEntries((await c.services.settings.gettingStarted()).map((s) => [s.key, s.done]));

describe('a database whose bureau was never entered', () => {
  it('reads the placeholder, says it is not set, and 开始使用 has the bureau step open', async () => {
    expect(await c.services.settings.get()).toMatchObject({ bureauSet: false, bureauShortName: '某市监' });
    expect(await steps()).toEqual({
      admin: false,
      bureau: false,
      items: true,
      entities: true,
      inspectors: true,
      plan: false,
      draw: false,
    });
  });

  it('refuses to publish a plan, pointing to 系统设置, and writes nothing', () => {
    draft = newTask('首次使用计划');
    const { planId } = draft;
    const audits = c.conn.raw.prepare('SELECT count(*) FROM audit_log').pluck().get();
    const error = refusalSync(() => c.services.plans.publish(planId));
    expect(error.code).toBe('settings.bureauNotSet');
    expect(error.message).toBe('尚未填写本局的机关名称和机关简称，不能公示计划。请先在「系统设置」中填写机关信息。');
    expect(c.services.plans.get(planId)).toMatchObject({ status: '草稿', version: 0 });
    expect(c.conn.raw.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(audits);
  });
});

describe('entering and renaming the bureau', () => {
  it('entering it renames the draft task made under the placeholder, in one audited change', async () => {
    expect(c.services.tasks.get(draft.taskId)).toMatchObject({
      number: '某市监抽查〔2026〕1号',
      leadDepartment: '某县市场监督管理局',
    });
    expect(await c.services.settings.set(CHENGGUAN)).toMatchObject({ ...CHENGGUAN, bureauSet: true });
    expect(c.services.tasks.get(draft.taskId)).toMatchObject({
      number: '城关市监抽查〔2026〕1号',
      leadDepartment: '城关县市场监督管理局',
    });
    const detail = c.conn.raw
      .prepare("SELECT detail FROM audit_log WHERE action = 'settings:set' ORDER BY id DESC")
      .pluck()
      .get() as string;
    expect(JSON.parse(detail)).toMatchObject({ draftTasks: ['城关市监抽查〔2026〕1号'] });
    expect((await steps()).bureau).toBe(true);
  });

  it('a published and drawn task keeps its name and number; a draft follows the rename', async () => {
    c.services.plans.publish(draft.planId);
    const later = newTask('后来的草稿计划', 2027);
    await c.services.settings.set(RENAMED);

    expect(c.services.tasks.get(draft.taskId)).toMatchObject({
      number: '城关市监抽查〔2026〕1号',
      leadDepartment: '城关县市场监督管理局',
    });
    expect(c.services.tasks.get(later.taskId)).toMatchObject({
      number: '城关市监知抽查〔2027〕1号',
      leadDepartment: RENAMED.bureauName,
    });
    expect(c.services.plans.publication(draft.planId, 1).bureauName).toBe(CHENGGUAN.bureauName);

    const drawId = await c.drawAndSeal(draft.taskId);
    const proof = JSON.parse(c.services.draws.proofText(drawId)) as DrawProof;
    expect(proof.inputs.task).toMatchObject({ bureau: CHENGGUAN.bureauName, number: '城关市监抽查〔2026〕1号' });
    expect(proof.info).toMatchObject({ bureau: CHENGGUAN.bureauName });
    expect(c.services.draws.commitRecord(drawId).bureauName).toBe(CHENGGUAN.bureauName);
    expect(await steps()).toMatchObject({ plan: true, draw: true });
  });
});

describe('the bureau offices', () => {
  it('adds a 科室, files an imported 其他部门 under the bureau, and keeps an office the rosters use', async () => {
    const s = c.services.settings;
    const added = await s.addOffice({ name: '质量发展科', kind: '局机关' });
    expect(added).toContainEqual({ name: '质量发展科', kind: '局机关', used: 0 });
    expect((await refusal(() => s.addOffice({ name: '质量发展科', kind: '局机关' }))).code).toBe(
      'settings.officeExists',
    );

    const agency = c.conn.raw
      .prepare("SELECT name FROM offices WHERE kind = '其他部门' LIMIT 1")
      .pluck()
      .get() as string;
    expect(await s.addOffice({ name: agency, kind: '局机关' })).toContainEqual({
      name: agency,
      kind: '局机关',
      used: 0,
    });

    const station = (await s.offices()).find((o) => o.kind === '市场监管所' && o.used > 0)!;
    const error = await refusal(() => s.removeOffice({ name: station.name }));
    expect(error.code).toBe('settings.officeInUse');
    expect(error.message).toContain(`记在「${station.name}」下`);
    expect((await s.removeOffice({ name: '质量发展科' })).map((o) => o.name)).not.toContain('质量发展科');
    const changes = c.conn.raw
      .prepare("SELECT action FROM roster_changes WHERE roster = 'offices' AND source = 'edit' ORDER BY id")
      .pluck()
      .all();
    expect(changes).toEqual(['insert', 'update', 'delete']);
  });
});

describe('示例数据', () => {
  it('enters a plainly fictional bureau on a database without one, so the demo can be published and drawn', async () => {
    const t = await createTestDb('测试操作员', { bureau: false });
    try {
      loadDemoData(t.conn.raw, { entities: 200, actor: '测试操作员', now: t.ctx.now() });
      expect(await t.services.settings.get()).toMatchObject({
        bureauName: '示例县市场监督管理局',
        bureauShortName: '示例市监',
        bureauSet: true,
      });
    } finally {
      await t.cleanup();
    }
  });
});
