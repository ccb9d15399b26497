/**
 * 统计分析 on a temp county with known counts: every figure of the whole bureau exactly, an office's row against the
 * roster itself, the charts' counts, and a year with nothing to count said in Chinese rather than shown as zeros.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StatsFigure, StatsView } from '@shared/domain/stats';
import { demoTaskInput } from '../../../src-main/demo/plan-demo';
import { statsCounty, type StatsCounty } from './setup';

let c: StatsCounty;
let view: StatsView;
beforeAll(async () => {
  c = await statsCounty();
  view = c.services.stats.view({ year: 2026 });
});
afterAll(async () => {
  await c.close();
});

const counts = (figures: StatsFigure[]) =>
  Object.fromEntries(figures.map((f) => [f.key, [f.numerator, f.denominator]]));
const one = (sql: string, ...args: unknown[]) =>
  c.conn.raw
    .prepare(sql)
    .pluck()
    .get(...args) as number;

describe('the year as a whole', () => {
  it('counts each figure exactly', () => {
    const global = view.rows[0];
    expect(global).toMatchObject({ kind: '全局', name: '全局' });
    expect(counts(global.figures)).toEqual({
      entityRatio: [c.drawnCount, one("SELECT count(*) FROM entities WHERE reg_status = '存续'")],
      itemCoverage: [
        one('SELECT count(*) FROM task_items WHERE task_id = ?', c.taskId),
        one('SELECT count(*) FROM items'),
      ],
      jointRate: [0, 1],
      creditRate: [0, 1],
      onTimeRate: [2, 4],
      problemClosedRate: [1, 2],
      completionRate: [3, c.drawnCount],
      closureRate: [3, 3],
    });
    const onTime = global.figures.find((f) => f.key === 'onTimeRate')!;
    expect(onTime.rate).toBe(0.5);
    expect(onTime.formula).toBe(
      '在检查后规定工作日内首次公示的结果数 ÷ 已公示或公示期限已过的检查结果数（规定期限：检查完成之日起 20 个工作日）',
    );
  });

  it('has a row for the department and each office of the drawn entities, the offices adding up', () => {
    expect(view.departments).toEqual([one('SELECT lead_department FROM tasks WHERE id = ?', c.taskId)].map(String));
    const offices = view.rows.filter((r) => r.kind === '管辖单位');
    expect(offices.map((r) => r.name)).toEqual(view.offices);
    const sum = (key: string) => offices.reduce((n, r) => n + r.figures.find((f) => f.key === key)!.numerator, 0);
    expect(sum('completionRate')).toBe(3);
    expect(sum('entityRatio')).toBe(c.drawnCount);
  });

  it("counts an office's entities against that office's roster", () => {
    const office = String(one('SELECT office FROM entities WHERE id = ?', c.drawn(0).entityId));
    const row = view.rows.find((r) => r.kind === '管辖单位' && r.name === office)!;
    const drawn = one(
      'SELECT count(*) FROM draw_selected s JOIN entities e ON e.id = s.entity_id WHERE s.draw_id = ? AND e.office = ?',
      c.drawId,
      office,
    );
    const roster = one("SELECT count(*) FROM entities WHERE reg_status = '存续' AND office = ?", office);
    expect(row.figures.find((f) => f.key === 'entityRatio')).toMatchObject({ numerator: drawn, denominator: roster });
  });

  it('gives the charts their counts', () => {
    const nov = view.charts.months[10];
    const dec = view.charts.months[11];
    expect(nov).toMatchObject({ draws: 1, drawn: c.drawnCount, inspections: 6, problemsFound: 2, problemsClosed: 0 });
    expect(dec).toMatchObject({ inspections: 0, problemsClosed: 1 });
    const category = (name: string) => view.charts.categories.find((x) => x.name === name)!.count;
    expect(category('未发现问题')).toBe(4);
    expect(category('发现问题，依法责令立即改正或者限期改正')).toBe(2);
    expect(view.charts.tasks).toEqual({ joint: 0, single: 1 });
    expect(view.charts.grades.reduce((n, g) => n + g.drawn, 0)).toBe(c.drawnCount);
    const perInspector = view.charts.inspectors.reduce((n, i) => n + i.inspections, 0);
    expect(view.charts.offices.reduce((n, o) => n + o.inspections, 0)).toBe(perInspector);
  });

  it('narrows the rows and charts to the office chosen', () => {
    const office = view.offices[0];
    const narrowed = c.services.stats.view({ year: 2026, office });
    expect(narrowed.filter).toEqual({ department: null, office });
    expect(narrowed.rows.map((r) => r.name)).toEqual(['全局', office]);
    const drawn = narrowed.rows[narrowed.rows.length - 1].figures.find((f) => f.key === 'completionRate')!.denominator;
    expect(narrowed.charts.months[10].drawn).toBe(drawn);
  });
});

describe('a year with nothing to count', () => {
  it('says so in Chinese, with no figures', () => {
    const empty = c.services.stats.view({ year: 2030 });
    expect(empty.empty).toBe('2030年度没有抽查任务，没有可统计的数据。');
    expect(empty.rows).toEqual([]);
  });

  it('tells a year whose tasks are not drawn yet from one without tasks', () => {
    const plan = c.services.plans.save({ year: 2027, title: '明年计划' });
    const dates = { startDate: '2027-03-01', endDate: '2027-04-30' };
    c.services.tasks.save(demoTaskInput(c.conn.raw, plan.id, c.ctx.now(), dates));
    const view2027 = c.services.stats.view({ year: 2027 });
    expect(view2027.empty).toBe('2027年度的抽查任务都还没有封存抽取结果，没有可统计的数据。');
    expect(view2027.years).toEqual([2027, 2026]);
  });
});
