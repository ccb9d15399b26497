/**
 * `npm run ssj -- demo --out DIR` end to end, as a newcomer runs it: a real tsx process on an empty database — demo
 * county, published plan, a complete witnessed draw — leaving proof.json (which verifies, in this process and with
 * the CLI's `verify` in another), the two parts of the record as PDF, and the offline verify page.
 */
import type { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { verifyProof, type DrawProof } from '@shared/draw';
import { DEMO_WITNESSES } from '@shared/domain/draws';
import { nodeSha256 } from '../../../src-main/draws/node-sha256';
import { ssjWithin } from '../../fixtures/kill-cli';
import { tempDir } from '../../fixtures/test-db';

function countIn(out: string, sqlText: string): unknown {
  const db = new BetterSqlite3(join(out, 'demo.sqlite'), { readonly: true });
  try {
    return db.prepare(sqlText).pluck().get();
  } finally {
    db.close();
  }
}

describe('demo --out', () => {
  const out = join(tempDir('ssj-demo-out-'), '示例输出');
  let run: ReturnType<typeof spawnSync>;
  let summary: Record<string, unknown>;
  beforeAll(() => {
    run = ssjWithin(180_000, 'demo', '--out', out, '--entities', '3000', '--json');
    summary = run.status === 0 ? (JSON.parse(String(run.stdout)) as Record<string, unknown>) : {};
  }, 200_000);

  it("writes the draw's 一户一表 per 名单包 and enters plausible results", () => {
    const sheets = readdirSync(join(out, 'sheets'));
    const packages = summary.packages as number;
    expect(sheets.filter((f) => f.endsWith('.xlsx'))).toHaveLength(packages);
    expect(sheets.filter((f) => f.endsWith('.pdf'))).toHaveLength(packages + 1);
    const results = summary.results as { entered: number; reviewed: number };
    expect(results.entered).toBeGreaterThan(0);
    expect(countIn(out, 'SELECT count(*) FROM results')).toBe(results.entered);
    expect(countIn(out, "SELECT count(*) FROM results WHERE state = '已审核'")).toBe(results.reviewed);
  });

  it('runs the whole chain headless and leaves a verifiable proof and both records', () => {
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(summary).toMatchObject({
      out,
      dbPath: join(out, 'demo.sqlite'),
      entities: 3000,
      // the demo runs under its own, plainly fictional bureau
      taskNumber: `示例市监抽查〔${new Date().getFullYear()}〕1号`,
      verified: true,
    });
    for (const name of ['proof.json', 'draw-record-commit.pdf', 'draw-record-result.pdf', 'verify.html'])
      expect(existsSync(join(out, name))).toBe(true);
    for (const pdf of ['draw-record-commit.pdf', 'draw-record-result.pdf'])
      expect(readFileSync(join(out, pdf)).subarray(0, 5).toString('latin1')).toBe('%PDF-');

    const proof = JSON.parse(readFileSync(join(out, 'proof.json'), 'utf8')) as DrawProof;
    const report = verifyProof(proof, nodeSha256);
    expect(report.valid).toBe(true);
    expect(proof.seed).toBe(summary.seed);
    expect(proof.commitment).toEqual({ inputDigest: summary.inputDigest, nonceCommit: summary.nonceCommit });
    expect(proof.entropy.witnesses).toEqual(DEMO_WITNESSES.map((w) => ({ name: w.name, value: w.value })));
    expect(proof.result.selected).toHaveLength(summary.selected as number);

    const verify = ssjWithin(60_000, 'verify', join(out, 'proof.json'));
    expect(verify.status).toBe(0);
    expect(verify.stdout).toMatch(/^验证通过/);

    // The database it left holds the sealed draw, exactly once.
    const db = new BetterSqlite3(join(out, 'demo.sqlite'), { readonly: true });
    try {
      expect(db.prepare('SELECT state, count(*) AS n FROM draws GROUP BY state').all()).toEqual([
        { state: 'sealed', n: 1 },
      ]);
      expect(db.prepare('SELECT status, version FROM plans').all()).toEqual([{ status: '已公示', version: 1 }]);
    } finally {
      db.close();
    }

    // A second run into the same folder refuses: the demo only ever loads into an empty database.
    const again = ssjWithin(60_000, 'demo', '--out', out, '--entities', '3000');
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/示例数据只能加载到空数据库/);
  });
});
