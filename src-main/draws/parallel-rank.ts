/**
 * The draw on more than one core: only §4 (a key per candidate, nearly all the work) is spread, each worker returning
 * its slice's `quota` smallest for mergeRanked. Ranking is a total order (key, then code bytes), so the proof is
 * byte-identical to the single-thread runDraw (tests/unit/draw/parallel.test.ts).
 */
import { availableParallelism } from 'node:os';
import {
  completeDraw,
  entityLabel,
  reportFor,
  mergeRanked,
  preflightProof,
  prepareDraw,
  provisionalBar,
  rankStratum,
  rankSmallestEncoded,
  type Allocate,
  KeyHasher,
  type DrawProof,
  type PreparedDraw,
  type RankedCandidate,
  type VerifyReport,
  type CodeTable,
  type RankedIndex,
} from '@shared/draw';
import { AppError } from '@shared/errors';
import { nodeSha256 } from './node-sha256';
import { startWorker, workerEntry } from '../workers/start';
import { WorkerRpc } from '../workers/worker-rpc';

/** Below this many candidates a worker costs more (start-up, copying codes) than it saves. */
export const PARALLEL_THRESHOLD = 50_000;

/** Shared memory for the encoded inputs, so workers read the codes where the main thread wrote them. */
export const sharedAllocate: Allocate = (byteLength) => new SharedArrayBuffer(byteLength);

/** One ranking thread's work: slices of strata, each ranked against the code table (shared memory, or copied). */
export interface RankRequest {
  seed: Uint8Array;
  table: CodeTable;
  slices: RankSlice[];
}

export interface RankSlice {
  /** The stratum's key label (entityLabel). */
  label: string;
  /** Candidates [start, end) of a stratum whose first candidate is number `base` in the code table. */
  start: number;
  end: number;
  quota: number;
  base: number;
  /** The stratum's provisional bar (select.ts), the same for every slice of it. */
  bar: string | null;
}

/** Per slice, its `quota` smallest (rank-worker.ts). */
export type RankReply = RankedIndex[][];

/** Ranking threads kept alive between draws (the desktop app's job runner keeps one pool). */
export class DrawWorkerPool {
  private readonly workers: WorkerRpc<RankRequest, RankReply>[];

  constructor(size = Math.max(1, availableParallelism() - 1)) {
    this.workers = Array.from({ length: size }, () =>
      new WorkerRpc<RankRequest, RankReply>(
        () => startWorker(workerEntry(__dirname, 'rank-worker'), {}, undefined),
        (why) => new AppError('draw.workerFailed', `抽取计算意外中止，本步骤未保存任何内容：${why}`),
      ).warm(),
    );
  }

  get size(): number {
    return this.workers.length;
  }

  /** Resolves once every worker has started (for benchmarks that want start-up measured apart). */
  async ready(): Promise<void> {
    const table = { codeBytes: new Uint8Array(0), codeStart: new Int32Array(0), codeEnd: new Int32Array(0) };
    await Promise.all(this.workers.map((worker) => worker.call({ seed: new Uint8Array(0), table, slices: [] })));
  }

  run(worker: number, request: RankRequest): Promise<RankReply> {
    return this.workers[worker].call(request);
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.close()));
  }
}

/**
 * §4 for every stratum, the first `workerShare` of each stratum's candidates split among the pool's workers and the
 * rest ranked here at the same time, every slice under the stratum's provisional bar; a stratum whose slices come
 * back short of its quota (≈10⁻⁹, see select.ts) is ranked again here without the bar.
 */
export async function rankAllParallel(
  prepared: PreparedDraw,
  pool: DrawWorkerPool,
  workerShare?: number,
  barOf: (quota: number, total: number) => string | null = provisionalBar,
): Promise<RankedCandidate[][]> {
  const strata = prepared.drawCase.inputs.strata;
  const share = workerShare ?? pool.size / (pool.size + 1);
  const bars = strata.map((stratum) => barOf(stratum.quota, stratum.candidates.length));
  const perWorker: { stratum: number; start: number; end: number }[][] = Array.from({ length: pool.size }, () => []);
  const mainStarts: number[] = [];
  strata.forEach((stratum, s) => {
    const n = stratum.candidates.length;
    const workerEnd = stratum.quota > 0 ? Math.floor(n * share) : 0;
    for (let w = 0; w < pool.size; w++) {
      const start = Math.floor((workerEnd * w) / pool.size);
      const end = Math.floor((workerEnd * (w + 1)) / pool.size);
      if (end > start) perWorker[w].push({ stratum: s, start, end });
    }
    mainStarts.push(workerEnd);
  });

  // The code table is shared memory when prepareDraw was given sharedAllocate (runDrawParallel does); otherwise
  // postMessage copies it.
  const { codeBytes, codeStart, codeEnd, stratumStart } = prepared.encoded;
  const pending = perWorker.map((ranges, w) => {
    if (ranges.length === 0) return Promise.resolve({ ranges, results: [] as RankReply });
    const slices: RankSlice[] = ranges.map((range) => ({
      label: entityLabel(strata[range.stratum].name),
      start: range.start,
      end: range.end,
      quota: strata[range.stratum].quota,
      base: stratumStart[range.stratum],
      bar: bars[range.stratum],
    }));
    return pool
      .run(w, { seed: prepared.seedBytes, table: { codeBytes, codeStart, codeEnd }, slices })
      .then((results) => ({ ranges, results }));
  });

  const parts: RankedCandidate[][][] = strata.map(() => []);
  strata.forEach((stratum, s) => {
    const hasher = new KeyHasher(nodeSha256, prepared.seedBytes, entityLabel(stratum.name));
    parts[s].push(
      rankSmallestEncoded(
        stratum.candidates,
        prepared.encoded,
        s,
        mainStarts[s],
        stratum.candidates.length,
        stratum.quota,
        hasher,
        bars[s],
      ),
    );
  });
  for (const { ranges, results } of await Promise.all(pending)) {
    ranges.forEach((range, r) => {
      const candidates = strata[range.stratum].candidates;
      parts[range.stratum].push(results[r].map(({ index, key }) => ({ index, code: candidates[index].code, key })));
    });
  }
  return strata.map((stratum, s) => {
    const ranking = mergeRanked(parts[s], stratum.quota);
    return ranking.length === stratum.quota ? ranking : rankStratum(prepared, s, nodeSha256, null);
  });
}

function totalCandidates(prepared: PreparedDraw): number {
  return prepared.drawCase.inputs.strata.reduce((sum, stratum) => sum + stratum.candidates.length, 0);
}

async function rankForSize(prepared: PreparedDraw, pool: DrawWorkerPool | null): Promise<RankedCandidate[][]> {
  if (pool && totalCandidates(prepared) >= PARALLEL_THRESHOLD) return rankAllParallel(prepared, pool);
  return prepared.drawCase.inputs.strata.map((_, s) => rankStratum(prepared, s, nodeSha256));
}

/** runDraw on several cores when the case is big enough; the same proof, byte for byte. */
export async function runDrawParallel(rawCase: unknown, pool: DrawWorkerPool | null): Promise<DrawProof> {
  const prepared = prepareDraw(rawCase, nodeSha256, undefined, pool ? sharedAllocate : undefined);
  return completeDraw(prepared, await rankForSize(prepared, pool), nodeSha256);
}

/** verifyProof on several cores; the same report. */
export async function verifyProofParallel(raw: unknown, pool: DrawWorkerPool | null): Promise<VerifyReport> {
  const preflight = preflightProof(raw, nodeSha256, pool ? sharedAllocate : undefined);
  if (!preflight.ok) return { valid: false, difference: preflight.difference };
  // reportFor compares the seed before re-deriving anything; only rank when that comparison can pass.
  const rankings = preflight.proof.seed === preflight.prepared.seed ? await rankForSize(preflight.prepared, pool) : [];
  return reportFor(preflight, () => completeDraw(preflight.prepared, rankings, nodeSha256));
}
