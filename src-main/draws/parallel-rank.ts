/**
 * The draw on more than one core. Only §4 (a key per candidate — at city scale a million SHA-256 calls, nearly all
 * of the work) is spread: each worker ranks a slice of every stratum and returns that slice's `quota` smallest,
 * the main thread ranks the rest meanwhile, and the engine's mergeRanked keeps the overall `quota` smallest.
 * Ranking is a total order (key, then code bytes), so the merged ranking — and the proof — are byte-identical to
 * the single-thread runDraw (tests/unit/draw/parallel.test.ts).
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
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
} from '@shared/draw';
import { encodeUtf8 } from '@shared/draw/utf8';
import { nodeSha256 } from './node-sha256';

/** Below this many candidates a worker costs more (start-up, copying codes) than it saves. */
export const PARALLEL_THRESHOLD = 50_000;

/**
 * The worker's code, as plain CommonJS evaluated by `new Worker(…, { eval: true })`: no file to locate after
 * bundling (electron-vite) or under tsx, and no TypeScript loader inside the worker. It mirrors
 * select.ts/rankSmallestEncoded (under the provisional bar) and keys.ts/KeyHasher exactly; the byte-identity test
 * guards that mirror.
 */
const WORKER_SOURCE = String.raw`
const { parentPort } = require('node:worker_threads');
const { hash } = require('node:crypto');

function compareBytes(bytes, aStart, aEnd, bStart, bEnd) {
  const length = Math.min(aEnd - aStart, bEnd - bStart);
  for (let i = 0; i < length; i++) {
    const d = bytes[aStart + i] - bytes[bStart + i];
    if (d !== 0) return d;
  }
  return (aEnd - aStart) - (bEnd - bStart);
}

parentPort.on('message', (job) => {
  const { prefixes, codeBytes, codeStart, codeEnd, slices } = job;
  const results = slices.map((slice, s) => {
    const { start, end, quota, base, bar } = slice;
    const prefix = prefixes[s];
    const buffers = new Map();
    const kept = [];
    if (quota <= 0) return { indexes: [], keys: [] };
    const compare = (a, b) => (a.key !== b.key ? (a.key < b.key ? -1 : 1)
      : compareBytes(codeBytes, codeStart[base + a.index], codeEnd[base + a.index], codeStart[base + b.index], codeEnd[base + b.index]));
    // A Buffer, not a Uint8Array: crypto.hash takes it ~20% faster (node-sha256.ts messageBuffer).
    let message = Buffer.alloc(0);
    for (let index = start; index < end; index++) {
      const from = codeStart[base + index];
      const to = codeEnd[base + index];
      const length = to - from;
      if (message.length !== prefix.length + length) {
        message = buffers.get(length);
        if (message === undefined) {
          message = Buffer.alloc(prefix.length + length);
          message.set(prefix, 0);
          buffers.set(length, message);
        }
      }
      const offset = prefix.length - from;
      for (let i = from; i < to; i++) message[offset + i] = codeBytes[i];
      const key = hash('sha256', message);
      if (bar === null || key < bar) kept.push({ index, key });
    }
    kept.sort(compare);
    if (kept.length > quota) kept.length = quota;
    return { indexes: kept.map((item) => item.index), keys: kept.map((item) => item.key) };
  });
  parentPort.postMessage(results);
});
`;

interface WorkerSlice {
  /** Candidates [start, end) of a stratum whose first candidate is number `base` in the encoded code table. */
  start: number;
  end: number;
  quota: number;
  base: number;
  /** The stratum's provisional bar (select.ts), the same for every slice of it. */
  bar: string | null;
}

/** Shared memory for the encoded inputs, so workers read the codes where the main thread wrote them. */
export const sharedAllocate: Allocate = (byteLength) => new SharedArrayBuffer(byteLength);

/** Workers kept alive between draws (the desktop app's job runner keeps one pool). */
export class DrawWorkerPool {
  private readonly workers: Worker[];

  constructor(size = Math.max(1, availableParallelism() - 1)) {
    this.workers = Array.from({ length: size }, () => new Worker(WORKER_SOURCE, { eval: true }));
    for (const worker of this.workers) worker.unref();
  }

  get size(): number {
    return this.workers.length;
  }

  /** Resolves once every worker has started (for benchmarks that want start-up measured apart). */
  async ready(): Promise<void> {
    await Promise.all(
      this.workers.map((worker) =>
        this.run(worker, { prefixes: [], codeBytes: new Uint8Array(0), offsets: new Int32Array(1), slices: [] }),
      ),
    );
  }

  run(worker: Worker, job: unknown): Promise<{ indexes: number[]; keys: string[] }[]> {
    return new Promise((resolve, reject) => {
      const onMessage = (value: { indexes: number[]; keys: string[] }[]) => {
        worker.off('error', onError);
        resolve(value);
      };
      const onError = (error: Error) => {
        worker.off('message', onMessage);
        reject(error);
      };
      worker.once('message', onMessage);
      worker.once('error', onError);
      worker.postMessage(job);
    });
  }

  workerAt(i: number): Worker {
    return this.workers[i];
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
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
    if (ranges.length === 0) return Promise.resolve({ ranges, results: [] as { indexes: number[]; keys: string[] }[] });
    const slices: WorkerSlice[] = ranges.map((range) => ({
      start: range.start,
      end: range.end,
      quota: strata[range.stratum].quota,
      base: stratumStart[range.stratum],
      bar: bars[range.stratum],
    }));
    const prefixes = ranges.map((range) => messagePrefix(prepared.seedBytes, entityLabel(strata[range.stratum].name)));
    return pool
      .run(pool.workerAt(w), { prefixes, codeBytes, codeStart, codeEnd, slices })
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
      const { indexes, keys } = results[r];
      parts[range.stratum].push(indexes.map((index, i) => ({ index, code: candidates[index].code, key: keys[i] })));
    });
  }
  return strata.map((stratum, s) => {
    const ranking = mergeRanked(parts[s], stratum.quota);
    return ranking.length === stratum.quota ? ranking : rankStratum(prepared, s, nodeSha256, null);
  });
}

function messagePrefix(seed: Uint8Array, label: string): Uint8Array {
  const labelBytes = encodeUtf8(label);
  const prefix = new Uint8Array(seed.length + labelBytes.length + 1);
  prefix.set(seed, 0);
  prefix.set(labelBytes, seed.length);
  return prefix;
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
