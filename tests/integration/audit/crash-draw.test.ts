/**
 * A draw killed in the middle of a step: `ssj demo --out` runs the whole ceremony on a new county through the desktop
 * app's services and draw worker, and is SIGKILLed during 准备 or during 揭晓. The file passes integrity_check, its log
 * chain verifies, and every draw in it stands at a whole step: its state, its rows and its log rows agree.
 */
import { join } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { expectChainIntact, killMidway, readDb } from '../../fixtures/kill-cli';
import { countRows, tempDir } from '../../fixtures/test-db';

const ENTITIES = '30000';
const STEPS = ['draws:prepare', 'draws:commit', 'draws:reveal', 'draws:seal'];
const STATES = ['prepared', 'committed', 'revealed', 'sealed'];

interface DrawRow {
  id: number;
  state: string;
}

/** What a draw holds, as counts, beside what its state and its log rows say it should hold. */
function drawHolding(db: BetterSqlite3.Database, draw: DrawRow) {
  const count = (sql: string) => db.prepare(sql).pluck().get(draw.id);
  const actions = db
    .prepare<[string], string>('SELECT action FROM audit_log WHERE target = ? ORDER BY id')
    .pluck()
    .all(`draws:${draw.id}`);
  const sealed = draw.state === 'sealed' ? 1 : 0;
  return {
    found: {
      steps: actions.filter((a) => a !== 'draws:witness'),
      witnesses: count('SELECT count(*) FROM draw_witnesses WHERE draw_id = ?'),
      inputs: count('SELECT count(*) FROM draw_inputs WHERE draw_id = ?'),
      proofs: count('SELECT count(*) FROM draw_proofs WHERE draw_id = ?'),
      selected: Number(count('SELECT count(*) > 0 FROM draw_selected WHERE draw_id = ?')),
    },
    expected: {
      steps: STEPS.slice(0, STATES.indexOf(draw.state) + 1),
      witnesses: actions.filter((a) => a === 'draws:witness').length,
      inputs: 1,
      proofs: sealed,
      selected: sealed,
    },
  };
}

/** Runs `ssj demo --out` on a new database and kills it once `when(output)` holds; returns its output and draws. */
async function killDemo(when: (output: string) => boolean): Promise<{ output: string; draws: DrawRow[] }> {
  const dir = tempDir('ssj-crash-draw-');
  const db = join(dir, 'ssj.sqlite');
  const killed = await killMidway(['demo', '--entities', ENTITIES, '--out', join(dir, 'out'), '--db', db], when);
  expect(killed.signal, killed.output).toBe('SIGKILL');
  expect(killed.output).not.toContain('7. 封存');
  const draws = readDb(db, (after) => {
    expect(after.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(countRows(after, 'entities')).toBe(Number(ENTITIES));
    const rows = after.prepare<[], DrawRow>('SELECT id, state FROM draws ORDER BY id').all();
    for (const draw of rows) {
      const { found, expected } = drawHolding(after, draw);
      expect(found, `抽取 ${draw.id}（${draw.state}）`).toEqual(expected);
    }
    return rows;
  });
  expectChainIntact(db);
  return { output: killed.output, draws };
}

/** Holds from `ms` milliseconds after `marker` first shows in the output. */
function after(marker: string, ms: number): (output: string) => boolean {
  let seen: number | undefined;
  return (output) => {
    if (seen === undefined && output.includes(marker)) seen = Date.now();
    return seen !== undefined && Date.now() - seen >= ms;
  };
}

describe('a kill in the middle of a draw', () => {
  it('during 准备 leaves no draw, or a whole prepared one', async () => {
    // The plan is published (line 2) and 准备 runs in the draw worker next, for seconds on this county.
    const { output, draws } = await killDemo(after('2. 年度计划', 500));
    expect(output, 'the kill came after 准备 had finished').not.toContain('3. 准备');
    expect(draws.map((d) => d.state)).toEqual(draws.length ? ['prepared'] : []);
  }, 300_000);

  it('during 揭晓 leaves the draw committed with its witnesses, or whole revealed', async () => {
    // The witnesses are in (line 5) and 揭晓 starts at once.
    const { draws } = await killDemo(after('5. 见证', 0));
    expect(draws).toHaveLength(1);
    expect(['committed', 'revealed']).toContain(draws[0].state);
  }, 300_000);
});
