/**
 * A roster import killed in the middle of its one write transaction: `ssj import entities` of a 100,000-row file,
 * its process group SIGKILLed while the confirm pass is writing, leaves a database that passes integrity_check, holds
 * none of the import (no entity, change row or 导入 log row), and whose log chain verifies.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src-main/db/connection';
import { loadDemoData } from '../../../src-main/demo/demo-data';
import { expectChainIntact, killMidway, readDb } from '../../fixtures/kill-cli';
import { writeEntityXlsx } from '../../fixtures/roster-files';
import { countRows, tempDir } from '../../fixtures/test-db';

const ROWS = 100_000;

/** The rows read so far of each pass the CLI reported (`已读取 N 行…`): a drop starts the next pass. */
function passes(output: string): number[] {
  const read = [...output.matchAll(/已读取 (\d+) 行/g)].map((m) => Number(m[1]));
  const runs: number[] = [];
  for (const [i, n] of read.entries()) {
    if (i === 0 || n < read[i - 1]) runs.push(n);
    else runs[runs.length - 1] = n;
  }
  return runs;
}

describe('a kill in the middle of an import', () => {
  it('leaves an intact database, no part of the batch, and an intact log chain', async () => {
    const dir = tempDir('ssj-crash-import-');
    const file = join(dir, 'entities.xlsx');
    await writeEntityXlsx(file, ROWS);
    const db = join(dir, 'ssj.sqlite');
    const conn = await openDatabase(db, { migrate: true });
    loadDemoData(conn.raw, { entities: 2000, actor: '测试操作员', now: new Date() });
    await conn.close();
    const before = readDb(db, (d) => ({ entities: countRows(d, 'entities'), changes: countRows(d, 'roster_changes') }));

    // The confirm pass is the second one: kill it a fifth of the way through the file, inside its transaction.
    const killed = await killMidway(['import', 'entities', file, '--db', db], (out) => (passes(out)[1] ?? 0) >= 20_000);
    expect(killed.signal, killed.output).toBe('SIGKILL');
    expect(passes(killed.output)[1]).toBeLessThan(ROWS);

    readDb(db, (after) => {
      expect(after.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(countRows(after, 'entities')).toBe(before.entities);
      expect(countRows(after, 'roster_changes')).toBe(before.changes);
      expect(after.prepare("SELECT count(*) FROM audit_log WHERE action = 'roster:import'").pluck().get()).toBe(0);
    });
    expectChainIntact(db);
  }, 300_000);
});
