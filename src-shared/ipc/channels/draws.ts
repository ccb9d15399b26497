import type { DrawRecordCommit } from '../../domain/documents';
import type { CeremonyState, DrawView, RevealPosition, WitnessRepeat } from '../../domain/draws';
import type { DrawErrorCode as DrawEngineErrorCode } from '../../draw/errors';

export const DRAW_CHANNELS = [
  'draws:prepare',
  'draws:commit',
  'draws:witness',
  'draws:witness-repeats',
  'draws:reveal',
  'draws:seal',
  'draws:void',
  'draws:amend',
  'draws:get',
  'draws:ceremony-state',
  'draws:reveal-position',
  'draws:reveal-move',
  'draws:reveal-fit',
  'draws:export-proof',
  'draws:export-record',
  'draws:export-list',
  'ceremony:open',
] as const;
export type DrawChannel = (typeof DRAW_CHANNELS)[number];

/** Where the projector window went: full screen on a second display when one is attached, else a normal window. */
export interface CeremonyWindowInfo {
  fullScreen: boolean;
  /** Displays attached when it opened. */
  displays: number;
}

export interface DrawResponses {
  /** 准备 (worker thread; progress in draws:ceremony-state.busy). Refusals are Chinese AppErrors; nothing is written then. */
  'draws:prepare': DrawView;
  /** 承诺: record = part one of the 随机抽取情况记录表, to print now. */
  'draws:commit': { draw: DrawView; record: DrawRecordCommit };
  'draws:witness': DrawView;
  /** Earlier entries of this value by this witness, to warn about before it is confirmed. */
  'draws:witness-repeats': WitnessRepeat[];
  /** 揭晓 (worker thread). */
  'draws:reveal': DrawView;
  /** 封存 (worker thread): record = part two, to print now. */
  'draws:seal': { draw: DrawView };
  'draws:void': DrawView;
  /** 递补 after 封存: record = part two reprinted with the amendment. */
  'draws:amend': { draw: DrawView };
  /** By drawId, or the task's current draw by taskId (null: the task has none). */
  'draws:get': DrawView | null;
  /** What the projector shows now; poll it. */
  'draws:ceremony-state': CeremonyState;
  /** Where the projector is in the drawn list (null: the task's draw is not revealed). */
  'draws:reveal-position': RevealPosition | null;
  /** The operator moves the projector: 下一屏, 上一屏, 暂停, 继续, 到摘要. */
  'draws:reveal-move': RevealPosition;
  /** The projector says how many packages fit its window; the position keeps its first package on screen. */
  'draws:reveal-fit': RevealPosition | null;
  /** The proof JSON where the save dialog points, plus the offline verify page beside it. */
  'draws:export-proof': { fileName: string; verifyPage: string | null };
  /** The record as PDF: part one (commit) or part two (result). */
  'draws:export-record': { fileName: string };
  /** 抽取名单 for the teams (xlsx): one row per drawn entity with its 名单包 and 检查组. */
  'draws:export-list': { fileName: string; rows: number };
  /** Main opens (or brings forward) the projector window on the task's ceremony route. */
  'ceremony:open': CeremonyWindowInfo;
}

/** The draw engine's codes (draw/errors.ts) and the service's refusals. */
export type DrawErrorCode =
  | DrawEngineErrorCode
  | 'draw.alreadyCommitted'
  | 'draw.amendReason'
  | 'draw.badCode'
  | 'draw.commitInfo'
  | 'draw.databaseBusy'
  | 'draw.emptyScope'
  | 'draw.fixedCountTooLarge'
  | 'draw.inputsAltered'
  | 'draw.noWitness'
  | 'draw.notCommitted'
  | 'draw.notFound'
  | 'draw.notRevealed'
  | 'draw.nothingToDraw'
  | 'draw.planNotPublished'
  | 'draw.publicTwice'
  | 'draw.rosterChanged'
  | 'draw.sealedNoVoid'
  | 'draw.tooFewInspectors'
  | 'draw.tooManyOffices'
  | 'draw.unknownConflict'
  | 'draw.voidReason'
  | 'draw.windowPassed'
  | 'draw.witnessName'
  | 'draw.witnessValue'
  | 'draw.workerFailed'
  | 'draw.wrongState'
  | 'ceremony.unavailable';
