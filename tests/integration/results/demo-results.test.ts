/** The demo's results: entered through the same rules as a clerk's, so every later page has consistent data. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enterDemoResults, type DemoResults } from '../../../src-main/demo/demo-results';
import { sealedDraw, type SealedDraw } from '../sheets/sealed-draw';

let s: SealedDraw;
let demo: DemoResults;
const countWhere = (sqlText: string) => s.c.conn.raw.prepare(sqlText).pluck().get() as number;

beforeAll(async () => {
  s = await sealedDraw();
  demo = enterDemoResults(s.c.conn.raw, s.c.ctx, s.drawId);
}, 120_000);
afterAll(async () => s.c.close());

describe('enterDemoResults', () => {
  it('enters a share of the drawn entities and reviews half of them', () => {
    const drawn = countWhere(`SELECT count(*) FROM draw_selected WHERE draw_id = ${s.drawId}`);
    expect(demo.entered).toBeGreaterThan(0);
    expect(demo.entered).toBeLessThan(drawn);
    expect(countWhere('SELECT count(*) FROM results')).toBe(demo.entered);
    expect(countWhere("SELECT count(*) FROM results WHERE state = '已审核'")).toBe(demo.reviewed);
    expect(demo.reviewed).toBe(Math.floor(demo.entered / 2));
  });

  it('opens a follow-up for every reviewed result with a problem, and only those', () => {
    const reviewedWithProblem = countWhere(
      "SELECT count(*) FROM results WHERE state = '已审核' AND categories LIKE '%责令%'",
    );
    expect(countWhere('SELECT count(*) FROM result_follow_ups')).toBe(reviewedWithProblem);
    expect(countWhere("SELECT count(*) FROM results WHERE categories LIKE '%责令%'")).toBe(demo.withProblems);
  });
});
