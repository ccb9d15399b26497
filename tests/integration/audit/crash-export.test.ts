/**
 * An export killed while it writes: `ssj sheets TASK_NO --out DIR` SIGKILLed once its first files are under way
 * leaves no file under the name the clerk would open (each is written under a temp name and renamed only when the
 * whole run is done), and the database as it was, its log chain intact.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { county } from '../../fixtures/county';
import { countRows, expectChainIntact, killMidway, readDb } from '../../fixtures/kill-cli';
import { tempDir } from '../../fixtures/test-db';

/** Bytes written into `dir` so far, by any name. */
const bytesIn = (dir: string) => readdirSync(dir).reduce((n, f) => n + statSync(join(dir, f)).size, 0);

describe('a kill in the middle of an export', () => {
  it('leaves no partly written file under its final name, and the database unchanged', async () => {
    const c = await county(5000);
    const taskId = c.publishedTask({ name: '中断导出测试任务' });
    await c.drawAndSeal(taskId);
    const taskNo = c.services.tasks.get(taskId).number;
    const selected = c.count('draw_selected');
    // Closed but kept: the CLI opens the same file.
    await c.services.draws.dispose();
    await c.conn.close();
    const tables = ['audit_log', 'draws', 'draw_selected', 'draw_proofs', 'results'];
    const before = readDb(c.path, (d) => tables.map((t) => countRows(d, t)));
    const out = tempDir('ssj-crash-export-');

    const killed = await killMidway(['sheets', taskNo, '--out', out, '--db', c.path], () => bytesIn(out) > 64 << 10);
    expect(killed.signal, killed.output).toBe('SIGKILL');
    expect(selected).toBeGreaterThan(0);

    const left = readdirSync(out);
    expect(left.length).toBeGreaterThan(0);
    // Only the run's temp files are left: not one file under a name the clerk would open.
    expect(left.filter((name) => !/^~一户一表-.+\.tmp$/.test(name))).toEqual([]);
    readDb(c.path, (after) => {
      expect(after.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(tables.map((t) => countRows(after, t))).toEqual(before);
    });
    expectChainIntact(c.path);
  }, 300_000);
});
