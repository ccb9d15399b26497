/**
 * 准备 the way a city-scale roster takes it, end to end through the draw worker: a roster whose ids span more than
 * SPLIT_SNAPSHOT_FROM is read by two threads, each writes its half of C(inputs), and the draw worker copies both.
 * The stored C(inputs) holds what one thread reads, and the draw that follows verifies — which it would not if the
 * copied bytes and the objects the worker draws from disagreed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyProof, type DrawInputs, type DrawProof } from '@shared/draw';
import { nodeSha256 } from '../../../src-main/draws/node-sha256';
import { buildDrawInputs } from '../../../src-main/draws/inputs';
import { storedInputs } from '../../../src-main/draws/views';
import { readSettings } from '../../../src-main/plans/tasks';
import { SPLIT_SNAPSHOT_FROM } from '../../../src-main/draws/worker/snapshot-read';
import { CEREMONY, county, type County } from '../../fixtures/county';

let c: County;
beforeAll(async () => {
  c = await county(2000);
  // Entities far up the id range (as a city roster's are), copies of the first 600 under other codes: the roster's ids
  // now span more than SPLIT_SNAPSHOT_FROM, and the upper half of the span holds these.
  const far = SPLIT_SNAPSHOT_FROM + 50_000;
  c.conn.raw
    .prepare(
      `INSERT INTO entities (id, uscc, reg_no, name, entity_type, industry, address, area, office, legal_rep, phone, credit_grade, reg_status, tags, last_inspected_on, flags, created_at, updated_at)
       SELECT id + ?, CASE WHEN uscc IS NULL THEN NULL ELSE 'Z' || substr(uscc, 2) END, CASE WHEN reg_no IS NULL THEN NULL ELSE 'Z' || reg_no END,
              name || '(分店)', entity_type, industry, address, area, office, legal_rep, phone, credit_grade, reg_status, tags, last_inspected_on, flags, created_at, updated_at
       FROM entities WHERE id <= 600`,
    )
    .run(far);
});
afterAll(async () => {
  await c.close();
});

describe('准备 on two threads (a roster whose ids span a city)', () => {
  it('stores the inputs one thread reads, and the draw from them verifies', async () => {
    const raw = c.conn.raw;
    const taskId = c.publishedTask({ name: '跨度很大的名录', excludeRecentYears: 0 });
    const { id: drawId } = await c.services.draws.prepare({ taskId });
    expect(Object.keys(c.services.draws.lastTimings())).toContain('snapshot (2 threads)');

    // One thread, no split.
    const alone = await buildDrawInputs(raw, c.services.tasks.get(taskId), readSettings(raw));
    expect(alone.runs).toBeUndefined();
    expect(alone.candidates).toBeGreaterThan(100);
    // The same inputs; within a stratum the order may differ (each range in SQLite's scan order: the digest changes
    // with it, never the draw).
    const sorted = (inputs: DrawInputs) => ({
      ...inputs,
      strata: inputs.strata.map((s) => ({
        ...s,
        candidates: [...s.candidates].sort((x, y) => (x.code < y.code ? -1 : 1)),
      })),
    });
    const stored = storedInputs(raw, drawId)!;
    expect(sorted(JSON.parse(stored.toString('utf8')) as DrawInputs)).toEqual(sorted(alone.inputs));
    expect(stored.toString('utf8')).toContain('"code":"Z'); // the far entities, read by the other thread

    c.services.draws.commit({ drawId, ...CEREMONY });
    c.services.draws.witness({ drawId, name: '李明', value: '跨度' });
    await c.services.draws.reveal({ drawId });
    await c.services.draws.seal({ drawId });
    const proof = JSON.parse(c.services.draws.proofText(drawId)) as DrawProof;
    expect(verifyProof(proof, nodeSha256)).toMatchObject({ valid: true });
  });
});
