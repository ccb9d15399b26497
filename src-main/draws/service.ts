/**
 * The draw ceremony of one task (DRAW-SPEC §11): 准备 → 承诺 → 见证 → 揭晓 → 封存, then 递补; a committed draw can be voided with a
 * reason, never deleted or re-drawn. Short steps run here, each in one transaction with its audit row; long ones in the
 * draw worker (job.ts), with progress for the page and the projector.
 */
import type { DrawProgress } from '@shared/domain/draws';
import type { DbConnection } from '../db/connection';
import type { ServiceContext } from '../app/context';
import type { FileTokens } from '../app/file-tokens';
import { DrawJobs } from './job';
import { loadDrawRow } from './views';
import { recordCommit } from './records';
import { commit, voidDraw, witness, witnessRepeats } from './ceremony-steps';
import { amend, ceremony, get, prepare, reveal, seal, type LongSteps } from './long-steps';
import { fitReveal, moveReveal, revealPosition, type RevealDeps } from './reveal-position';
import {
  exportProof,
  exportRecord,
  proofText,
  recordPdf,
  resultRecord,
  type DrawRenderers,
  type ExportDeps,
} from './exports';
import { exportDrawnList } from './drawn-list';

export interface DrawServiceDeps {
  files: FileTokens;
  renderers: () => Promise<DrawRenderers>;
  /** Pushes progress of long steps (the app sends it to the windows); ceremonyState reports it too. */
  onProgress?: (progress: DrawProgress) => void;
}

export function createDrawService(conn: DbConnection, ctx: ServiceContext, deps: DrawServiceDeps) {
  const raw = conn.raw;
  const jobs = new DrawJobs(conn.path);
  const steps: LongSteps = { raw, ctx, jobs, busy: new Map(), lastTimings: {}, onProgress: deps.onProgress };
  const reveals: RevealDeps = { raw, ctx, positions: new Map() };
  const exports: ExportDeps = { raw, ctx, files: deps.files, renderers: deps.renderers };
  return {
    prepare: (req: Parameters<typeof prepare>[1]) => prepare(steps, req),
    commit: (req: Parameters<typeof commit>[2]) => commit(raw, ctx, req),
    witness: (req: Parameters<typeof witness>[2]) => witness(raw, ctx, req),
    witnessRepeats: (req: Parameters<typeof witnessRepeats>[1]) => witnessRepeats(raw, req),
    reveal: (req: Parameters<typeof reveal>[2]) => reveal(steps, reveals, req),
    seal: (req: Parameters<typeof seal>[1]) => seal(steps, req),
    amend: (req: Parameters<typeof amend>[1]) => amend(steps, req),
    void: (req: Parameters<typeof voidDraw>[2]) => voidDraw(raw, ctx, req),
    get: (req: Parameters<typeof get>[1]) => get(raw, req),
    ceremonyState: (req: Parameters<typeof ceremony>[2]) => ceremony(steps, reveals, req),
    revealPosition: (req: { taskId: number }) => revealPosition(reveals, req.taskId),
    moveReveal: (req: Parameters<typeof moveReveal>[1]) => moveReveal(reveals, req),
    fitReveal: (req: Parameters<typeof fitReveal>[1]) => fitReveal(reveals, req),
    resultRecord: (drawId: number) => resultRecord(raw, drawId),
    commitRecord: (drawId: number) => recordCommit(raw, loadDrawRow(raw, drawId)),
    proofText: (drawId: number) => proofText(raw, drawId),
    recordPdf: (drawId: number, part: 'commit' | 'result') => recordPdf(exports, drawId, part),
    exportProof: (req: Parameters<typeof exportProof>[1]) => exportProof(exports, req),
    exportRecord: (req: Parameters<typeof exportRecord>[1]) => exportRecord(exports, req),
    exportList: (req: Parameters<typeof exportDrawnList>[1]) => exportDrawnList(exports, req),
    /** Phase timings (ms) of the last long step, measured in the worker. */
    lastTimings: () => steps.lastTimings,
    /** Waits for the queued long steps (e.g. the roster dates after 封存). */
    settle: () => jobs.settle(),
    /** Ends the draw worker once its queue is done (tests, CLI, app shutdown). */
    dispose: () => jobs.close(),
  };
}

export type DrawService = ReturnType<typeof createDrawService>;
