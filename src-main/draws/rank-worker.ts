/**
 * A ranking thread of parallel-rank.ts (DrawWorkerPool): per request, §4 for slices of strata read from the code
 * table the draw encoded, with the engine's own KeyHasher and rankSmallestCodes, so its keys and order are the
 * single-thread draw's. It holds no candidate objects: it returns indexes and keys, the caller adds the codes.
 */
import { KeyHasher } from '@shared/draw/keys';
import { rankSmallestCodes } from '@shared/draw/select';
import { nodeSha256 } from './node-sha256';
import type { RankReply, RankRequest } from './parallel-rank';
import { serveRequests } from '../workers/worker-rpc';
import { stepRefusal } from './step-refusal';

function rank({ seed, table, slices }: RankRequest): RankReply {
  return slices.map(({ label, start, end, quota, base, bar }) =>
    rankSmallestCodes(table, base, start, end, quota, new KeyHasher(nodeSha256, seed, label), bar),
  );
}

serveRequests<RankRequest, RankReply>(async (request) => ({ value: rank(request) }), stepRefusal);
