/**
 * Typed errors of the draw engine. Each is an AppError: a stable dotted code for programs, the Chinese sentence a
 * clerk reads, and structured details (package number, tag, counts…) for the UI and the feasibility report.
 */
import { AppError } from '../errors';

export const DrawErrorCode = {
  /** The inputs break a rule of DRAW-SPEC §2 (shape, quota, uniqueness). */
  invalidInputs: 'draw.invalidInputs',
  /** The case file (nonce, entropy, amendments) is malformed. */
  invalidCase: 'draw.invalidCase',
  /** §6 step 1: nobody eligible holds a required tag. */
  tagUnavailable: 'draw.tagUnavailable',
  /** §6 step 2: fewer eligible inspectors than the team size. */
  teamTooSmall: 'draw.teamTooSmall',
  /** §7: an amendment names a package or an inspector that does not fit it. */
  invalidAmendment: 'draw.invalidAmendment',
  /** §11: trial runs failed before committing. */
  infeasible: 'draw.infeasible',
} as const;

export type DrawErrorCode = (typeof DrawErrorCode)[keyof typeof DrawErrorCode];

export interface TeamShortageDetails {
  packageNo: number;
  /** Set when the shortage arose while applying an amendment (index in the recorded order, 0-based). */
  amendmentIndex?: number;
  tag?: string;
  found?: number;
  teamSize?: number;
}

export function invalidInputs(path: string, reason: string): AppError {
  return new AppError(DrawErrorCode.invalidInputs, `抽取输入不合规：${path} ${reason}`, { path, reason });
}

export function invalidCase(path: string, reason: string): AppError {
  return new AppError(DrawErrorCode.invalidCase, `抽取用例不合规：${path} ${reason}`, { path, reason });
}

function amendmentPrefix(amendmentIndex: number | undefined): string {
  return amendmentIndex === undefined ? '' : `第${amendmentIndex + 1}条递补：`;
}

export function tagUnavailable(packageNo: number, tag: string, amendmentIndex?: number): AppError {
  const details: TeamShortageDetails = { packageNo, tag, amendmentIndex };
  return new AppError(
    DrawErrorCode.tagUnavailable,
    `${amendmentPrefix(amendmentIndex)}第 ${packageNo} 包：没有符合回避条件且具备「${tag}」资质的执法人员`,
    details,
  );
}

export function teamTooSmall(packageNo: number, found: number, teamSize: number, amendmentIndex?: number): AppError {
  const details: TeamShortageDetails = { packageNo, found, teamSize, amendmentIndex };
  return new AppError(
    DrawErrorCode.teamTooSmall,
    `${amendmentPrefix(amendmentIndex)}第 ${packageNo} 包：符合回避条件的执法人员只有${found}人，不足每组${teamSize}人`,
    details,
  );
}

export function invalidAmendment(amendmentIndex: number, reason: string): AppError {
  return new AppError(DrawErrorCode.invalidAmendment, `第${amendmentIndex + 1}条递补无效：${reason}`, {
    amendmentIndex,
    reason,
  });
}
