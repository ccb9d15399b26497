/** ssj-draw/1 (DRAW-SPEC.md): the publicly verifiable draw. Pure: hashing is injected, no I/O. */
export * from './types';
export * from './hash';
export { canonicalJsonBytes, canonicalJsonText, CanonicalJsonError } from './canonical-json';
export { compareUtf8 } from './utf8';
export {
  computeInputDigest,
  computeNonceCommit,
  deriveSeed,
  normalizeEntropyText,
  canonicalInputsBytes,
} from './commitment';
export { DrawErrorCode } from './errors';
export { entityLabel, INSPECTOR_LABEL, KeyHasher, compareKeyThenId } from './keys';
export { encodeDrawInputs, joinParts, type EncodedInputs } from './encode';
export type { Allocate } from './encode-bytes';
export {
  encodeCandidateRuns,
  encodeCandidateRunsOfColumns,
  type CandidateColumns,
  type CandidateRuns,
} from './encode-runs';
export {
  rankSmallestEncoded,
  rankSmallestCodes,
  mergeRanked,
  compareRanked,
  provisionalBar,
  type RankedCandidate,
  type RankedIndex,
  type CodeTable,
} from './select';
export { buildPackages } from './packages';
export { prepareDraw, rankStratum, completeDraw, runDraw, type PreparedDraw } from './draw';
export {
  verifyProof,
  preflightProof,
  reportFor,
  finishReport,
  type VerifyReport,
  type ProofDifference,
  type StratumSummary,
} from './verify';
export {
  checkFeasibility,
  assertFeasible,
  trialSeed,
  FEASIBILITY_TRIALS,
  type FeasibilityReport,
  type TightConstraint,
} from './feasibility';
export { lookupEntity, type EntityStanding } from './lookup';
export { parseDrawCase, parseDrawInputs, quotaFromRatio } from './validate';
