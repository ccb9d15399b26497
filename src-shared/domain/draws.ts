/**
 * The draw of one task as the clerk, the supervisor and the projector see it (DRAW-SPEC §11: one task, one committed
 * draw; 准备 → 承诺 → 见证 → 揭晓 → 封存, then 递补). A committed draw ends sealed or voided with a reason. Pure, JSON-safe.
 */
import type { FeasibilityReport } from '../draw/feasibility';
import type { StratumPreview } from './tasks';

export const DRAW_STATES = ['prepared', 'committed', 'revealed', 'sealed', 'voided'] as const;
export type DrawState = (typeof DRAW_STATES)[number];

export const DRAW_STATE_LABELS: Record<DrawState, string> = {
  prepared: '已准备',
  committed: '已承诺（见证中）',
  revealed: '已揭晓',
  sealed: '已封存',
  voided: '已作废',
};

/** How feasibility was established before commit (DRAW-SPEC §11). */
export interface DrawFeasibility {
  feasible: boolean;
  /**
   * 'bound': a worst-case count proved that every seed can staff every package (src-shared/domain/draws-feasibility.ts),
   * so no trial can fail; 'trials': the engine's 100 trial seeds were run.
   */
  method: 'bound' | 'trials';
  trials: number;
  failedTrials: number;
  /** Chinese; empty when feasible. */
  advice: string;
  /** The engine's report when trials ran. */
  report?: FeasibilityReport;
}

/** What 准备 froze and found; stored with the draw and shown on the page and the record. */
export interface DrawPreparation {
  taskId: number;
  /** 检查对象范围 in words (as in the plan). */
  scope: string;
  /** 执法人员范围 in words. */
  inspectorScope: string;
  strata: StratumPreview[];
  candidates: number;
  /** Sum of the quotas (应抽). */
  quota: number;
  inspectors: number;
  experts: number;
  /** Distinct offices among the pool. */
  offices: number;
  /** Packages the draw will make (exact for clusterBy none, an upper bound by 片区). */
  packagesEstimate: number;
  feasibility: DrawFeasibility;
  /** Warnings the clerk saw before committing (e.g. a grade with no entity in scope). */
  notices: string[];
  /** Entities excluded as inspected recently. */
  excludedRecent: number;
}

/** The name the proof export suggests for a task's 抽取证明 (the clerk may choose another in the save dialog). */
export const proofFileName = (taskNumber: string): string => `${taskNumber}-抽取证明.json`;

/** The offline verify page's name beside a proof file of that name, as draws:export-proof writes it. */
export function verifyPageName(proofName: string): string {
  const dot = proofName.lastIndexOf('.');
  return `${dot > 0 ? proofName.slice(0, dot) : proofName}-离线验证页.html`;
}

export interface WitnessView {
  ordinal: number;
  kind: 'witness' | 'public';
  name: string;
  role: string;
  value: string;
  enteredAt: string;
}

/** An earlier entry of the same witness value by the same witness (any draw): a sign the value is not fresh. */
export interface WitnessRepeat {
  taskNumber: string;
  attempt: number;
  ordinal: number;
  enteredAt: string;
}

export interface TeamMemberView {
  /** Id in the draw: 检查员NNNN, or 专家NNNN for an expert (the 执法证号 in draws sealed before). */
  id: string;
  name: string;
  office: string;
  isExpert: boolean;
}

export interface SelectedEntityView {
  code: string;
  /** Null only if the entity has left the roster since (never expected: entities are not deleted). */
  entityId: number | null;
  name: string;
  address: string;
  stratum: string;
  /** 1-based position in its stratum by draw number. */
  rank: number;
  /** The draw number, hex (DRAW-SPEC §4). */
  key: string;
}

export interface PackageView {
  no: number;
  area: string | null;
  entities: SelectedEntityView[];
  team: TeamMemberView[];
}

export interface StratumResultView {
  name: string;
  candidates: number;
  /** 应抽. */
  quota: number;
  /** 实抽. */
  selected: number;
  /** Key of the last selected entity: any entity can compare its own draw number with it. */
  cutoffKey: string | null;
}

export interface AmendmentView {
  ordinal: number;
  packageNo: number;
  out: TeamMemberView;
  in: TeamMemberView;
  reason: string;
  at: string;
  actor: string;
}

export interface DrawView {
  id: number;
  taskId: number;
  taskNumber: string;
  taskName: string;
  attempt: number;
  state: DrawState;
  stateLabel: string;
  preparedAt: string;
  preparedBy: string;
  inputDigest: string;
  preparation: DrawPreparation;
  commit: {
    committedAt: string;
    committedBy: string;
    place: string;
    operator: string;
    supervisor: string;
    nonceCommit: string;
  } | null;
  witnesses: WitnessView[];
  /** Only after 揭晓: the nonce is never shown before. */
  reveal: { revealedAt: string; nonce: string; seed: string } | null;
  sealed: { sealedAt: string; sealedBy: string; proofVersion: number } | null;
  voided: { voidedAt: string; voidedBy: string; reason: string } | null;
  strata: StratumResultView[];
  packageCount: number;
  /** One page of packages (request packagePage / packagePageSize); empty before 揭晓. */
  packages: PackageView[];
  packagePage: number;
  packagePageSize: number;
  amendments: AmendmentView[];
  /** Earlier attempts at this task that were voided, newest first. */
  voidedAttempts: { id: number; attempt: number; reason: string; voidedAt: string; nonceCommit: string | null }[];
}

/** A long step running off the main thread. */
export interface DrawProgress {
  taskId: number;
  step: 'prepare' | 'reveal' | 'seal' | 'amend';
  /** What is happening now, in Chinese ("读取检查对象…"). */
  label: string;
  done: number;
  total: number;
  startedAt: string;
}

export type CeremonyStage = 'none' | DrawState;

/**
 * Where the projector is in the drawn list after 揭晓: the operator's to move (draws:reveal-move), kept in memory by
 * the main process — presentation, not part of the draw's record. While playing, a screen gives way to the next once
 * the room has had time to read it; the last one gives way to the summary.
 */
export interface RevealPosition {
  drawId: number;
  view: 'list' | 'summary';
  /** The screen of the list shown (1-based; the last one shown while the summary is up). */
  screen: number;
  screens: number;
  /** Packages a screen holds, as the projector measured its window (draws:reveal-fit). */
  perScreen: number;
  paused: boolean;
}

export type RevealMove = 'next' | 'previous' | 'pause' | 'resume' | 'summary';

/**
 * What the projector shows (draws:ceremony-state): everything public at this stage and nothing more — never the nonce
 * before 揭晓, never a phone number or an address. Polled by the ceremony window.
 */
export interface CeremonyState {
  stage: CeremonyStage;
  stageLabel: string;
  drawId: number | null;
  busy: DrawProgress | null;
  task: {
    id: number;
    number: string;
    name: string;
    inspectingBody: string;
    items: string[];
    scope: string;
    period: string;
  };
  counts: { candidates: number; quota: number; inspectors: number; strata: StratumResultView[] } | null;
  hashes: { inputDigest: string; nonceCommit: string | null; nonce: string | null; seed: string | null } | null;
  place: string | null;
  operator: string | null;
  supervisor: string | null;
  witnesses: WitnessView[];
  /**
   * After 揭晓: the packages on the screen the operator shows (reveal), with names and teams; `largestPackage` (the
   * most entities in one package) lets the projector work out how many packages fit a screen.
   */
  result: { packageCount: number; selected: number; packages: PackageView[]; largestPackage: number } | null;
  reveal: RevealPosition | null;
  amendments: AmendmentView[];
  voidReason: string | null;
}

/** 进一次门、查多项事: sealed draws of tasks led by different departments drew the same entity in overlapping windows. */
export interface VisitTaskView {
  taskId: number;
  drawId: number;
  number: string;
  name: string;
  leadDepartment: string;
  startDate: string;
  endDate: string;
  packageNo: number;
}

export interface VisitProposal {
  entityId: number;
  code: string;
  entityName: string;
  tasks: VisitTaskView[];
  /** The days every task allows: the overlap of their windows. */
  startDate: string;
  endDate: string;
  /** Union of the tasks' items, in task order. */
  items: { id: number; name: string }[];
}

export interface JointVisitView extends VisitProposal {
  id: number;
  note: string;
  createdAt: string;
  actor: string;
}

export interface VisitProposals {
  /** Not merged yet; the first `limit` (by entity) of `total`. */
  proposals: VisitProposal[];
  total: number;
  visits: JointVisitView[];
}

/** 见证 example values for the headless demo (`demo --out`). The nonce is still fresh from the OS, so each run's seed differs. */
export const DEMO_WITNESSES: readonly { name: string; role: string; value: string }[] = [
  { name: '李明', role: '县人大代表', value: '314159' },
  { name: '王芳', role: '县政协委员', value: '271828' },
  { name: '赵磊', role: '县融媒体中心记者', value: '161803' },
];
