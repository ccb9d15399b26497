/** An export that fails leaves the file the clerk chose as it was, and no half-written file beside it. */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { requestSchemas } from '@shared/ipc/schemas';
import { writeThenRename } from '../../../src-main/app/safe-write';
import { createTestDb, type TestDb } from '../../fixtures/test-db';

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
});
afterEach(() => t.cleanup());

const KEPT = 'the clerk’s earlier export, which must survive';

describe('exports write a temp file and rename it on success', () => {
  it('a failing roster export leaves the existing file intact', async () => {
    const target = join(t.dir, '执法人员-导出.xlsx');
    writeFileSync(target, KEPT);
    // Thousands of good rows stream out, then one the export cannot render stands for any late failure (disk full).
    const insert = t.conn.raw.prepare(
      "INSERT INTO inspectors (badge_no, name, tags, created_at, updated_at) VALUES (?, ?, ?, '2026-01-01', '2026-01-01')",
    );
    for (let i = 1; i <= 6000; i++) insert.run(`B${i}`, `人员${i}`, i === 6000 ? '{"not":"a list"}' : '[]');
    const fileToken = t.services.files.issue(target, 'save').token;
    const req = requestSchemas['roster:export'].parse({ roster: 'inspectors', fileToken });
    await expect(t.services.rosters.exportView(req)).rejects.toThrow();
    expect(readFileSync(target, 'utf8')).toBe(KEPT);
    expect(readdirSync(t.dir).filter((f) => !f.startsWith('ssj.sqlite'))).toEqual(['执法人员-导出.xlsx']);
  });

  it('the helper replaces the target only after the write finished', async () => {
    const target = join(t.dir, 'out.json');
    writeFileSync(target, KEPT);
    await expect(
      writeThenRename(target, async (temp) => {
        writeFileSync(temp, 'half');
        throw new Error('disk full');
      }),
    ).rejects.toThrow('disk full');
    expect(readFileSync(target, 'utf8')).toBe(KEPT);
    await writeThenRename(target, async (temp) => writeFileSync(temp, 'new'));
    expect(readFileSync(target, 'utf8')).toBe('new');
    expect(readdirSync(t.dir).filter((f) => !f.startsWith('ssj.sqlite'))).toEqual(['out.json']);
  });
});
