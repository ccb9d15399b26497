/**
 * An export killed while it writes: `ssj sheets TASK_NO --out DIR` or `ssj publish TASK_NO --out DIR` SIGKILLed once
 * its first files are under way leaves no file under the name the clerk would open (each is written under a temp name
 * and renamed only when the whole run is done), and the database as it was, its log chain intact.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { county } from '../../fixtures/county';
import { expectChainIntact, killMidway, readDb } from '../../fixtures/kill-cli';
import { countRows, tempDir } from '../../fixtures/test-db';

const TABLES = ['audit_log', 'draws', 'draw_selected', 'draw_proofs', 'results'];

/** Bytes written under `dir` so far, by any name, in any folder. */
const bytesIn = (dir: string): number =>
  readdirSync(dir, { withFileTypes: true }).reduce((n, f) => {
    const path = join(dir, f.name);
    return n + (f.isDirectory() ? bytesIn(path) : statSync(path).size);
  }, 0);

let db: string;
let taskNo: string;
let before: number[];

beforeAll(async () => {
  const c = await county(5000);
  const taskId = c.publishedTask({ name: '中断导出测试任务' });
  await c.drawAndSeal(taskId);
  taskNo = c.services.tasks.get(taskId).number;
  // Closed but kept: the CLI opens the same file.
  await c.services.draws.dispose();
  await c.conn.close();
  db = c.path;
  before = readDb(db, (d) => TABLES.map((t) => countRows(d, t)));
}, 300_000);

/** The database is as it was before the export, whole, and its log chain verifies. */
function expectDatabaseUnchanged(): void {
  readDb(db, (after) => {
    expect(after.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(TABLES.map((t) => countRows(after, t))).toEqual(before);
  });
  expectChainIntact(db);
}

describe('a kill in the middle of an export', () => {
  it('of the 一户一表 leaves no partly written file under its final name, and the database unchanged', async () => {
    const out = tempDir('ssj-crash-sheets-');
    const killed = await killMidway(['sheets', taskNo, '--out', out, '--db', db], () => bytesIn(out) > 64 << 10);
    expect(killed.signal, killed.output).toBe('SIGKILL');

    const left = readdirSync(out);
    expect(left.length).toBeGreaterThan(0);
    // Only the run's temp files are left: not one file under a name the clerk would open.
    expect(left.filter((name) => !/^~一户一表-.+\.tmp$/.test(name))).toEqual([]);
    expectDatabaseUnchanged();
  }, 300_000);

  it('of the 公示包 leaves no package under the chosen folder, and the database unchanged', async () => {
    const out = join(tempDir('ssj-crash-publish-'), '公示包');
    const killed = await killMidway(['publish', taskNo, '--out', out, '--db', db], () => bytesIn(dirname(out)) > 0);
    expect(killed.signal, killed.output).toBe('SIGKILL');

    expect(existsSync(out)).toBe(false);
    // The package was being built beside it, in a folder the next run does not need.
    expect(readdirSync(dirname(out))).toEqual([expect.stringMatching(/^\.公示包-生成中-/)]);
    expectDatabaseUnchanged();
  }, 300_000);
});
