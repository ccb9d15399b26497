/**
 * 准备's candidate snapshot read by two threads (task-scope.readCandidates with the snapshot reader worker): the same
 * candidates, strata and roster ids as one thread reads, and a refusal — not a silent drop — when the roster gains an
 * office between the two reads.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeDrawInputs, joinParts, type DrawInputs } from '@shared/draw';
import { isAppError } from '@shared/errors';
import { SnapshotReader } from '../../../src-main/draws/snapshot-reader';
import { readCandidates, readSnapshotRange } from '../../../src-main/draws/worker/snapshot-read';
import type { CandidateSnapshot } from '../../../src-main/draws/worker/snapshot-rows';
import { loadVectors } from '../../unit/draw/vectors';
import { county, type County } from '../../fixtures/county';

let c: County;
let reader: SnapshotReader;
beforeAll(async () => {
  c = await county(3000);
  reader = new SnapshotReader(c.path);
});
afterAll(async () => {
  await reader.close();
  await c.close();
});

/** Per stratum: code → [roster id, office, area], whatever order the reads came in. */
function byCode(snapshot: CandidateSnapshot) {
  return snapshot.strata.map((stratum, s) => ({
    name: stratum.name,
    quota: stratum.quota,
    candidates: new Map(
      stratum.candidates.map((candidate, i) => [
        candidate.code,
        [snapshot.entityIds[s][i], candidate.office, candidate.area],
      ]),
    ),
  }));
}

describe('the candidate snapshot on two threads', () => {
  it('reads the same candidates, ids and quotas as one thread, each entity once', async () => {
    const task = c.services.tasks.get(c.publishedTask({ excludeRecentYears: 0 }));
    const alone = await readCandidates(c.conn.raw, task);
    let asked = 0;
    const split = await readCandidates(
      c.conn.raw,
      task,
      (request, lookups, range) => {
        asked++;
        expect(range.fromId).toBeGreaterThan(1);
        return reader.read(request, lookups, range);
      },
      1,
    );
    expect(asked).toBe(1);
    const total = (s: CandidateSnapshot) => s.strata.reduce((sum, stratum) => sum + stratum.candidates.length, 0);
    expect(total(split)).toBe(total(alone));
    expect(total(alone)).toBeGreaterThan(300);
    expect(byCode(split)).toEqual(byCode(alone));
    expect(split.excludedRecent).toBe(alone.excludedRecent);
  });

  it.each([
    ['all five grades', { excludeRecentYears: 0 }],
    ['the entities inspected in the last 3 years left out', { excludeRecentYears: 3 }],
  ])(
    'writes its half of C(inputs) in the reader thread, copied as it is: the same bytes and codes as writing it all here (%s)',
    async (_, overrides) => {
      const task = c.services.tasks.get(c.publishedTask(overrides));
      const split = await readCandidates(c.conn.raw, task, reader.read, 1);
      expect(split.runs).toHaveLength(2);
      expect(split.strata.length).toBe(5);
      if (overrides.excludeRecentYears > 0) expect(split.excludedRecent).toBeGreaterThan(0);
      const inputs: DrawInputs = {
        ...(loadVectors()[0].drawCase as unknown as { inputs: DrawInputs }).inputs,
        strata: split.strata,
      };
      const copied = encodeDrawInputs(inputs, undefined, split.runs).encoded;
      const written = encodeDrawInputs(inputs).encoded;
      expect(copied.parts).toHaveLength(3); // the fast route took the runs (the reference one gives one part)
      expect(Buffer.from(joinParts(copied.parts)).equals(Buffer.from(joinParts(written.parts)))).toBe(true);
      const codes = (encoded: typeof copied) =>
        Array.from(encoded.codeStart.subarray(0, encoded.stratumStart.at(-1)), (start, g) =>
          Buffer.from(encoded.codeBytes.subarray(start, encoded.codeEnd[g])).toString(),
        );
      expect(codes(copied)).toEqual(codes(written));
      expect(codes(copied)).toEqual(
        split.strata.flatMap((stratum) => stratum.candidates.map((candidate) => candidate.code)),
      );
    },
  );
});

describe('the candidate snapshot on two threads: the roster changing under it', () => {
  it('refuses, in Chinese, when another clerk changes the roster between the two reads, and leaves no thread running', async () => {
    const task = c.services.tasks.get(c.publishedTask({ excludeRecentYears: 0 }));
    const other = await c.secondClerk();
    const someone = c.conn.raw
      .prepare("SELECT id FROM entities WHERE reg_status = '存续' ORDER BY id DESC LIMIT 1")
      .pluck()
      .get() as number;
    let asked = 0;
    const refusal = await readCandidates(
      c.conn.raw,
      task,
      async (request, lookups, range) => {
        asked++;
        // Committed on another connection after this thread's read began and before the other thread's.
        await other.services.rosters.bulkUpdate({
          roster: 'entities',
          ids: [someone],
          set: { creditGrade: 'D' },
        } as never);
        return reader.read(request, lookups, range);
      },
      1,
    ).catch((error: unknown) => error);
    expect(asked).toBe(1);
    expect(isAppError(refusal) && refusal.code).toBe('draw.rosterChanged');
    expect((refusal as Error).message).toMatch(/名录正在被修改/);
    // Once the roster is quiet again, the same read goes through.
    const again = await readCandidates(c.conn.raw, task, reader.read, 1);
    expect(again.strata.reduce((n, s) => n + s.candidates.length, 0)).toBeGreaterThan(300);
  });

  it('refuses, in Chinese, when an office appeared after the offices were listed', async () => {
    const task = c.services.tasks.get(c.publishedTask());
    const lookups = {
      offices: (c.conn.raw.prepare('SELECT DISTINCT office FROM entities').pluck().all() as string[]).slice(1),
      areas: c.conn.raw.prepare('SELECT DISTINCT area FROM entities').pluck().all() as string[],
    };
    const refusal = await reader.read(task, lookups, { fromId: 0, toId: 1e9 }).catch((error: unknown) => error);
    expect(isAppError(refusal) && refusal.code).toBe('draw.rosterChanged');
    expect(() => readSnapshotRange(c.conn.raw, task, lookups, { fromId: 0, toId: 1e9 })).toThrow(/名录正在被修改/);
  });
});

describe('the candidate snapshot on two threads: codes', () => {
  it('draws an entity whose 注册号 holds a comma as it is, and refuses one holding the code separator, on one thread and on two', async () => {
    const task = c.services.tasks.get(c.publishedTask({ excludeRecentYears: 0 }));
    const raw = c.conn.raw;
    const first = (await readCandidates(raw, task)).strata.find((s) => s.candidates.length > 0)!.candidates[0];
    const entity = raw
      .prepare('SELECT id, uscc, reg_no FROM entities WHERE coalesce(uscc, reg_no) = ?')
      .get(first.code) as { id: number; uscc: string | null; reg_no: string | null };
    const setCode = raw.prepare('UPDATE entities SET uscc = NULL, reg_no = ? WHERE id = ?');
    try {
      setCode.run('440300,000123', entity.id);
      for (const split of [undefined, reader.read]) {
        const snapshot = await readCandidates(raw, task, split, 1);
        const found = snapshot.strata
          .flatMap((s) => s.candidates)
          .filter((candidate) => candidate.code === '440300,000123');
        expect(found).toEqual([{ code: '440300,000123', office: first.office, area: first.area }]);
        if (split) expect(snapshot.runs).toHaveLength(2);
      }
      setCode.run('440300\u001f000123', entity.id);
      for (const split of [undefined, reader.read]) {
        const refusal = await readCandidates(raw, task, split, 1).catch((error: unknown) => error);
        expect(isAppError(refusal) && refusal.code).toBe('draw.badCode');
        expect((refusal as Error).message).toMatch(/统一社会信用代码或注册号/);
      }
    } finally {
      raw.prepare('UPDATE entities SET uscc = ?, reg_no = ? WHERE id = ?').run(entity.uscc, entity.reg_no, entity.id);
    }
  });
});
