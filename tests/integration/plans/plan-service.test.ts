/**
 * 年度抽查工作计划 and 抽查任务 through the real services (and the IPC dispatch path) on a temp SQLite file: draft →
 * published, every later change a new published version with its reason, old versions readable as published; task
 * numbers, validation, the live scope preview against the roster itself; the 公示 exports as real xlsx and PDF files.
 */
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quotaOf, type TaskInput } from '@shared/domain/tasks';
import { demoTaskInput } from '../../../src-main/demo/plan-demo';
import { recentSince } from '../../../src-main/draws/scope';
import { county, type County } from '../../fixtures/county';
import { auditActions } from '../../fixtures/test-db';
import { refusalSync as refusal } from '../../fixtures/refusal';

let c: County;
beforeAll(async () => {
  c = await county(4000);
});
afterAll(async () => {
  await c.close();
});

const taskFor = (planId: number, overrides: Partial<TaskInput> = {}) =>
  demoTaskInput(c.conn.raw, planId, c.ctx.now(), overrides);

let draftId: number;
let taskId: number;

describe('plans: draft and publish', () => {
  it('a draft is edited freely, but is not published empty nor created twice', () => {
    const plans = c.services.plans;
    const draft = plans.save({ year: 2026, title: '2026年度双随机抽查工作计划' });
    draftId = draft.id;
    expect(draft).toMatchObject({ status: '草稿', version: 0, taskCount: 0, versions: [] });
    expect(refusal(() => plans.publish(draft.id)).code).toBe('plan.empty');
    const task = c.services.tasks.save(taskFor(draft.id));
    taskId = task.id;
    expect(task).toMatchObject({ number: '某市监抽查〔2026〕1号', seq: 1, drawStatus: '未抽取', drawId: null });
    expect(c.services.tasks.save({ ...taskFor(draft.id), id: task.id, name: '草稿中改名' }).name).toBe('草稿中改名');
    expect(refusal(() => plans.save({ year: 2026, title: '2026年度双随机抽查工作计划' })).code).toBe('plan.duplicate');
  });

  it('publishing freezes version 1, once', () => {
    const published = c.services.plans.publish(draftId);
    expect(published).toMatchObject({
      status: '已公示',
      version: 1,
      versions: [{ version: 1, reason: null, actor: '测试操作员' }],
    });
    expect(refusal(() => c.services.plans.publish(draftId)).code).toBe('plan.alreadyPublished');
  });
});

describe('plans: every later change is a new published version', () => {
  it('a change to a task of a published plan is refused without a reason, and published as the next version with one', () => {
    const edit = { ...taskFor(draftId), id: taskId, name: '食品经营者专项抽查' };
    expect(refusal(() => c.services.tasks.save(edit)).message).toMatch(/已公示，修改任务将发布新版本，请填写修改理由/);
    expect(c.services.plans.get(draftId).version).toBe(1); // nothing changed
    c.services.tasks.save({ ...edit, changeReason: '按县政府要求调整任务名称' });
  });

  it('a second task and a new title publish versions 3 and 4, each with its reason', () => {
    const plans = c.services.plans;
    const second = c.services.tasks.save({
      ...taskFor(draftId, { name: '餐饮服务抽查', leadDepartment: '县卫生健康委员会' }),
      changeReason: '增加卫健委牵头的任务',
    });
    expect(second.number).toBe('某市监抽查〔2026〕2号');
    expect(refusal(() => plans.save({ id: draftId, year: 2026, title: '改名' })).code).toBe('plan.reasonRequired');
    plans.save({ id: draftId, year: 2026, title: '2026年度双随机抽查工作计划（修订）', changeReason: '计划名称规范' });
    expect(plans.versions(draftId).map((v) => [v.version, v.reason])).toEqual([
      [4, '计划名称规范'],
      [3, '增加卫健委牵头的任务'],
      [2, '按县政府要求调整任务名称'],
      [1, null],
    ]);
  });

  it('old versions stay as they were published', () => {
    const versions = c.services.plans.versions(draftId);
    const v1 = versions[3];
    expect(v1.publication).toMatchObject({
      version: 1,
      changeReason: null,
      title: '2026年度双随机抽查工作计划',
      bureauName: '某县市场监督管理局',
    });
    expect(v1.publication.rows.map((r) => r.taskName)).toEqual(['草稿中改名']);
    expect(v1.tasks.map((t) => t.name)).toEqual(['草稿中改名']);
    expect(versions[0].publication.title).toBe('2026年度双随机抽查工作计划（修订）');
    expect(versions[0].publication.rows.map((r) => [r.taskName, r.inspectingBody])).toEqual([
      ['食品经营者专项抽查', '某县市场监督管理局'],
      ['餐饮服务抽查', '县卫生健康委员会'],
    ]);
  });

  it('logs the creation, each publication and the update', () => {
    expect(auditActions(c.conn, `plans:${draftId}`)).toEqual([
      'plans:create',
      'plans:publish',
      'plans:publish',
      'plans:publish',
      'plans:update',
      'plans:publish',
    ]);
  });
});

describe('plans: the 公示 and its exports', () => {
  it('the 公示 row says what the paper form asks, with 预计抽查数量 counted from the roster', () => {
    // Another year's plan: 2026 has one already (one plan a year).
    const plan = c.services.plans.save({ year: 2028, title: '联合抽查计划' });
    const task = c.services.tasks.save(
      taskFor(plan.id, {
        joiningDepartments: ['县卫生健康委员会', '县商务局'],
        scope: {
          entityTypes: ['企业'],
          industries: ['餐饮服务'],
          areas: [],
          offices: [],
          tags: [],
          grades: ['B', 'C'],
        },
        ratio: { mode: 'grades', gradeBp: { A: 300, B: 500, C: 1050, D: 3000, 未评级: 500 } },
        startDate: '2028-12-01',
        endDate: '2028-12-31',
      }),
    );
    c.services.plans.publish(plan.id);
    const row = c.services.plans.publication(plan.id).rows[0];
    const preview = c.services.tasks.scopePreview(task);
    expect(row).toEqual({
      inspectingBody: '某县市场监督管理局（牵头）、县卫生健康委员会、县商务局',
      taskName: task.name,
      items: task.items.map((i) => i.name),
      scope:
        '登记状态为存续的检查对象；主体类型：企业；行业：餐饮服务；信用风险等级：B级、C级；排除近3年内已被抽查的对象',
      period: '2028年12月1日至2028年12月31日',
      ratio: 'B级5%、C级10.5%',
      frequency: '每年1次',
      expectedCount: preview.expected,
    });
    expect(preview.expected).toBeGreaterThan(0);
  });

  it('exports a published version as real xlsx and PDF files through the save dialog', async () => {
    const plan = c.services.plans.list(2028).find((p) => p.title === '联合抽查计划')!;
    const xlsx = join(c.dir, '计划公示.xlsx');
    expect(
      await c.services.plans.exportPlan({
        planId: plan.id,
        format: 'xlsx',
        fileToken: c.services.files.issue(xlsx, 'save').token,
      }),
    ).toEqual({ fileName: '计划公示.xlsx', version: 1 });
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(xlsx);
    const text = book.worksheets.flatMap((s) => s.getSheetValues().flat().map(String)).join('|');
    expect(text).toContain('检查主体');
    expect(text).toContain('某县市场监督管理局（牵头）、县卫生健康委员会、县商务局');
    const pdf = join(c.dir, '计划公示.pdf');
    await c.services.plans.exportPlan({
      planId: plan.id,
      format: 'pdf',
      fileToken: c.services.files.issue(pdf, 'save').token,
    });
    expect(readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const draft = c.services.plans.save({ year: 2029, title: '尚未公示' });
    await expect(
      c.services.plans.exportPlan({
        planId: draft.id,
        format: 'pdf',
        fileToken: c.services.files.issue(pdf, 'save').token,
      }),
    ).rejects.toThrow(/尚未公示/);
  });
});

describe('tasks: validation', () => {
  it('refuses what zod cannot see, naming the field in Chinese and, for the editor, by its key', () => {
    const plan = c.services.plans.save({ year: 2030, title: '校验用计划' });
    const cases: [Partial<TaskInput>, RegExp, keyof TaskInput][] = [
      [{ startDate: '2030-06-01', endDate: '2030-05-01' }, /开始日期不能晚于结束日期/, 'startDate'],
      [{ startDate: '2031-01-01', endDate: '2031-02-01' }, /应在计划年度 2030 年内开始/, 'startDate'],
      [{ startDate: '2026-02-30', endDate: '2026-03-01' }, /日期格式/, 'startDate'],
      [{ itemIds: [999999] }, /已不在事项清单中/, 'itemIds'],
      [
        { inspectorScope: { kind: '若干所', offices: ['城关市场监管所'] } },
        /请至少选择 2 个市场监管所/,
        'inspectorScope',
      ],
      [{ inspectorScope: { kind: '单一所', offices: [] } }, /请选择 1 个市场监管所/, 'inspectorScope'],
      [{ joiningDepartments: ['某县市场监督管理局'] }, /联合部门中不能再包含牵头部门/, 'joiningDepartments'],
      [{ ratio: { mode: 'grades', gradeBp: { A: 0, B: 0, C: 0, D: 0, 未评级: 0 } } }, /不能都为 0/, 'ratio'],
    ];
    for (const [overrides, message, field] of cases) {
      const dates = { startDate: '2030-03-01', endDate: '2030-04-30' };
      const refused = refusal(() => c.services.tasks.save(taskFor(plan.id, { ...dates, ...overrides })));
      expect(refused.message).toMatch(message);
      expect(refused.details).toEqual({ field });
    }
    expect(c.services.tasks.list(plan.id)).toEqual([]);
  });
});

describe('tasks: the live scope preview', () => {
  it('counts per grade exactly what the roster holds, with the recent-inspection exclusion and the quotas', () => {
    const scope = {
      entityTypes: ['个体工商户'],
      industries: ['食品销售', '餐饮服务', '药品零售'],
      areas: [],
      offices: [],
      tags: [],
      grades: [] as never[],
    };
    const ratio = { mode: 'grades' as const, gradeBp: { A: 300, B: 500, C: 1000, D: 3000, 未评级: 500 } };
    const preview = c.services.tasks.scopePreview({ scope, excludeRecentYears: 2, ratio, startDate: '2026-12-01' });
    const since = recentSince('2026-12-01', 2)!;
    expect(since).toBe('2024-12-02');
    const truth = c.conn.raw
      .prepare(
        `SELECT coalesce(credit_grade, '未评级') AS g, count(*) AS n FROM entities
         WHERE reg_status = '存续' AND entity_type = '个体工商户' AND industry IN ('食品销售', '餐饮服务', '药品零售')
           AND (last_inspected_on IS NULL OR last_inspected_on < ?) GROUP BY g`,
      )
      .all(since) as { g: string; n: number }[];
    const byGrade = Object.fromEntries(truth.map((r) => [r.g, r.n]));
    expect(preview.strata.map((s) => [s.name, s.candidates, s.quota])).toEqual(
      (['A', 'B', 'C', 'D', '未评级'] as const).map((g) => [
        g,
        byGrade[g] ?? 0,
        quotaOf(byGrade[g] ?? 0, ratio.gradeBp[g]),
      ]),
    );
    const excluded = c.conn.raw
      .prepare(
        `SELECT count(*) FROM entities WHERE reg_status = '存续' AND entity_type = '个体工商户' AND industry IN ('食品销售', '餐饮服务', '药品零售') AND last_inspected_on >= ?`,
      )
      .pluck()
      .get(since);
    expect(preview.excludedRecent).toBe(excluded);
    expect(preview.total).toBe(truth.reduce((n, r) => n + r.n, 0));

    const uniform = c.services.tasks.scopePreview({
      scope,
      excludeRecentYears: 0,
      ratio: { mode: 'uniform', bp: 500 },
      startDate: '2026-12-01',
    });
    expect(uniform.strata).toEqual([
      { name: '全部', candidates: uniform.total, ratioBp: 500, quota: quotaOf(uniform.total, 500) },
    ]);
    expect(uniform.excludedSince).toBeNull();
    const fixed = c.services.tasks.scopePreview({
      scope,
      excludeRecentYears: 0,
      ratio: { mode: 'fixed', count: uniform.total + 1 },
      startDate: '2026-12-01',
    });
    expect(fixed.notices).toEqual([`固定抽取 ${uniform.total + 1} 户，但范围内只有 ${uniform.total} 户。`]);
  });
});

/** The stations by size, the experts in the library, and a uniform 5% task over the whole roster. */
function poolSetup() {
  const raw = c.conn.raw;
  const stations = raw
    .prepare(
      "SELECT office, count(*) AS n FROM inspectors WHERE status = '在岗' AND office LIKE '%所' GROUP BY office ORDER BY n DESC",
    )
    .all() as { office: string; n: number }[];
  const experts = raw.prepare("SELECT count(*) FROM experts WHERE status = '在库'").pluck().get() as number;
  const scope = { entityTypes: [], industries: [], areas: [], offices: [], tags: [], grades: [] };
  const objects = {
    scope,
    excludeRecentYears: 0,
    ratio: { mode: 'uniform' as const, bp: 500 },
    startDate: '2026-12-01',
  };
  const pool = {
    joiningDepartments: [],
    includeExperts: true,
    expertTags: [],
    teamSize: 2,
    packageSize: 3,
    maxPackagesPerInspector: 100,
  };
  return { raw, stations, experts, objects, pool };
}

describe('tasks: the inspector pool preview', () => {
  it('counts the inspector pool live as 准备 would read it', () => {
    const { raw, stations, experts, objects, pool } = poolSetup();
    const [big, second] = stations;
    expect(experts).toBeGreaterThan(0);
    const two = c.services.tasks.scopePreview({
      ...objects,
      pool: { ...pool, inspectorScope: { kind: '若干所', offices: [big.office, second.office] } },
    });
    expect(two.pool).toEqual({
      inspectors: big.n + second.n + experts,
      experts,
      offices:
        2 +
        (raw
          .prepare(
            "SELECT count(DISTINCT CASE WHEN organisation = '' THEN '专家库' ELSE organisation END) FROM experts WHERE status = '在库'",
          )
          .pluck()
          .get() as number),
      packagesAtLeast: Math.ceil(two.expected / 3),
      teamsAtMost: Math.floor(((big.n + second.n + experts) * 100) / 2),
    });
    expect(two.notices).toEqual([]);
  });

  it('says when one station, without experts, is too few for one team', () => {
    const { stations, objects, pool } = poolSetup();
    const small = stations[stations.length - 1];
    const alone = c.services.tasks.scopePreview({
      ...objects,
      pool: {
        ...pool,
        includeExperts: false,
        teamSize: small.n + 1,
        inspectorScope: { kind: '单一所', offices: [small.office] },
      },
    });
    expect(alone.pool?.inspectors).toBe(small.n);
    expect(alone.notices).toEqual([
      `执法人员范围内在岗人员只有 ${small.n} 人，不足每组 ${small.n + 1} 人。请扩大执法人员范围或检查人员状态。`,
    ]);
  });

  it('says when there are enough for a team but not for every package', () => {
    const { stations, objects, pool } = poolSetup();
    const [big] = stations;
    const thin = c.services.tasks.scopePreview({
      ...objects,
      pool: {
        ...pool,
        includeExperts: false,
        maxPackagesPerInspector: 1,
        packageSize: 1,
        inspectorScope: { kind: '单一所', offices: [big.office] },
      },
    });
    expect(thin.pool).toMatchObject({
      inspectors: big.n,
      packagesAtLeast: thin.expected,
      teamsAtMost: Math.floor(big.n / 2),
    });
    expect(thin.expected).toBeGreaterThan(Math.floor(big.n / 2));
    expect(thin.notices).toEqual([
      `预计至少 ${thin.expected} 个名单包，而范围内 ${big.n} 名执法人员每人最多参加 1 个检查组、每组 2 人，最多只能组成 ${Math.floor(big.n / 2)} 个检查组。请扩大执法人员范围、提高每人最多参加的组数或增加每个名单包的户数。`,
    ]);
  });

  it('leaves the pool out without the inspector side', () => {
    const { objects } = poolSetup();
    expect(c.services.tasks.scopePreview(objects).pool).toBeUndefined();
  });
});
