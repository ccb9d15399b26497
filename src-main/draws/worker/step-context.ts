/** What every step of the draw worker is given, and the snapshot it keeps from 准备 to 揭晓 (and for 递补). */
import type { DrawInputs, EncodedInputs } from '@shared/draw';
import type { ProofBody } from '../views';

export interface StepContext {
  actor: string;
  now: Date;
  /** Reports what the step is doing (the worker relays it to the page and the projector). */
  progress(label: string, done: number, total: number): void;
}

/** Milliseconds per phase, for the benchmark and the logs. */
export type StepTimings = Record<string, number>;

/** The frozen inputs of a prepared draw, kept in memory from 准备 to 揭晓 (and for 递补). */
export interface Snapshot {
  drawId: number;
  inputs: DrawInputs;
  encoded: EncodedInputs;
  inputDigest: string;
  /** Roster ids per stratum in candidate order, when 准备 ran in this worker (not after a restart). */
  entityIds?: Int32Array[];
  /** After 揭晓: the drawn entities' roster ids by code (from the rankings), for 封存. */
  selectedIds?: Map<string, number>;
  /** After 揭晓: what it stored in draw_results, as text and as the object it was made from, for 封存. */
  revealed?: { text: string; body: ProofBody };
}

/** At most two snapshots: a city-scale one holds a large share of the worker's memory (docs/performance.md). */
export class SnapshotCache {
  private readonly entries = new Map<number, Snapshot>();

  get(drawId: number): Snapshot | undefined {
    return this.entries.get(drawId);
  }

  set(snapshot: Snapshot): void {
    this.entries.delete(snapshot.drawId);
    this.entries.set(snapshot.drawId, snapshot);
    while (this.entries.size > 2) this.entries.delete(this.entries.keys().next().value!);
  }

  delete(drawId: number): void {
    this.entries.delete(drawId);
  }
}

export function timer() {
  const timings: StepTimings = {};
  let last = performance.now();
  return {
    timings,
    lap(name: string) {
      const now = performance.now();
      timings[name] = Math.round(now - last);
      last = now;
    },
  };
}
