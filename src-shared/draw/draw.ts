/**
 * The draw (DRAW-SPEC §2–8) in stages, so a caller with more cores can rank strata elsewhere (worker threads)
 * and hand the rankings back: prepareDraw → rank each stratum → completeDraw. runDraw does it all in one thread.
 */
import { computeNonceCommit, deriveSeed } from './commitment';
import { encodeDrawInputs, joinParts, type EncodedInputs } from './encode';
import type { Allocate } from './encode-bytes';
import { hexToBytes, type Sha256 } from './hash';
import { entityLabel, INSPECTOR_LABEL, KeyHasher } from './keys';
import { buildPackages } from './packages';
import { provisionalBar, rankSmallestEncoded, type RankedCandidate } from './select';
import { TeamDealer } from './teams';
import { parseDrawCase } from './validate';
import { SPEC_ID, type Amendment, type DrawCase, type DrawPackage, type DrawProof, type SelectedEntity } from './types';

export interface PreparedDraw {
  drawCase: DrawCase;
  inputDigest: string;
  nonceCommit: string;
  seed: string;
  seedBytes: Uint8Array;
  /** C(inputs) and where every candidate's code is in it (encode.ts). */
  encoded: EncodedInputs;
}

/**
 * Validates the case and derives the commitment and the seed. `knownInputDigest` lets a caller that hashed the same
 * inputs at the commit step skip doing it again (at city scale C(inputs) is large).
 */
export function prepareDraw(
  rawCase: unknown,
  sha256: Sha256,
  knownInputDigest?: string,
  allocate?: Allocate,
): PreparedDraw {
  let encoded: EncodedInputs | undefined;
  const drawCase = parseDrawCase(rawCase, (inputs) => {
    const result = encodeDrawInputs(inputs, allocate);
    encoded = result.encoded;
    return result.inputs;
  });
  if (encoded === undefined) throw new Error('unreachable: inputs were not encoded');
  const parts = encoded.parts;
  const inputDigest = knownInputDigest ?? (sha256.hexOfParts ? sha256.hexOfParts(parts) : sha256.hex(joinParts(parts)));
  const seed = deriveSeed(inputDigest, drawCase.nonce, drawCase.entropy, sha256);
  return {
    drawCase,
    inputDigest,
    nonceCommit: computeNonceCommit(drawCase.nonce, sha256),
    seed,
    seedBytes: hexToBytes(seed),
    encoded,
  };
}

/**
 * §4 for one stratum, in this thread: under the provisional bar (select.ts), and again without it in the
 * (≈10⁻⁹) case that fewer than `quota` keys fell below it. `bar` is for tests that force that second pass.
 */
export function rankStratum(
  prepared: PreparedDraw,
  stratumIndex: number,
  sha256: Sha256,
  bar = provisionalBar(
    prepared.drawCase.inputs.strata[stratumIndex].quota,
    prepared.drawCase.inputs.strata[stratumIndex].candidates.length,
  ),
): RankedCandidate[] {
  const stratum = prepared.drawCase.inputs.strata[stratumIndex];
  const hasher = new KeyHasher(sha256, prepared.seedBytes, entityLabel(stratum.name));
  const rank = (under: string | null) =>
    rankSmallestEncoded(
      stratum.candidates,
      prepared.encoded,
      stratumIndex,
      0,
      stratum.candidates.length,
      stratum.quota,
      hasher,
      under,
    );
  const ranking = rank(bar);
  return ranking.length === stratum.quota ? ranking : rank(null);
}

/** §5–8 from the rankings of every stratum (each exactly `quota` long, ranked). */
export function completeDraw(
  prepared: PreparedDraw,
  rankings: readonly RankedCandidate[][],
  sha256: Sha256,
): DrawProof {
  const { drawCase } = prepared;
  const { inputs } = drawCase;
  const selected: SelectedEntity[] = [];
  const forPackaging: { code: string; key: string; office: string; area: string }[] = [];
  inputs.strata.forEach((stratum, s) => {
    for (const ranked of rankings[s]) {
      const candidate = stratum.candidates[ranked.index];
      selected.push({ stratum: stratum.name, code: ranked.code, key: ranked.key });
      forPackaging.push({ code: ranked.code, key: ranked.key, office: candidate.office, area: candidate.area });
    }
  });

  const plans = buildPackages(forPackaging, inputs.clusterBy, inputs.packageSize);
  const dealer = new TeamDealer(inputs, new KeyHasher(sha256, prepared.seedBytes, INSPECTOR_LABEL));
  dealer.staffAll(
    plans.map((plan) => ({
      no: plan.no,
      entityCodes: plan.entities.map((entity) => entity.code),
      entityOffices: plan.entities.map((entity) => entity.office),
    })),
  );
  const amendments: Amendment[] = drawCase.amendments.map((request, index) => dealer.amend(request, index));
  const packages: DrawPackage[] = plans.map((plan) => ({
    no: plan.no,
    area: plan.area,
    entities: plan.entities.map((entity) => entity.code),
    team: dealer.teamIds(plan.no),
  }));

  const proof: DrawProof = {
    spec: SPEC_ID,
    inputs,
    commitment: { inputDigest: prepared.inputDigest, nonceCommit: prepared.nonceCommit },
    entropy: drawCase.entropy,
    nonce: drawCase.nonce,
    seed: prepared.seed,
    result: { selected, packages },
    amendments,
  };
  if (drawCase.info !== undefined) proof.info = drawCase.info;
  return proof;
}

/** The whole draw of a case, single-threaded. Throws AppError (draw.*) when the case is invalid or infeasible. */
export function runDraw(rawCase: unknown, sha256: Sha256): DrawProof {
  const prepared = prepareDraw(rawCase, sha256);
  const rankings = prepared.drawCase.inputs.strata.map((_, s) => rankStratum(prepared, s, sha256));
  return completeDraw(prepared, rankings, sha256);
}
