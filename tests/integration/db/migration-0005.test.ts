/**
 * Migration 0005: what 揭晓 derived goes to draw_results, beside the draws row — written once, for a draw being
 * revealed, never changed or deleted — so 封存's update of the draws row no longer writes the ~8 MB text again. A draw
 * revealed by an earlier version (its text in draws.result) is still read and sealed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION } from '../../../src-main/db/migrations';
import { sealStep } from '../../../src-main/draws/worker/seal-step';
import { SnapshotCache } from '../../../src-main/draws/worker/step-context';
import { drawResultText, latestProof, loadDrawRow, type ProofBody } from '../../../src-main/draws/views';
import { county, type County } from '../../fixtures/county';

let c: County;
beforeAll(async () => {
  c = await county(600);
});
afterAll(async () => {
  await c.close();
});

describe('migration 0005 (draw results beside the draws row)', () => {
  it('is the latest version, and 揭晓 writes its result to draw_results, not into the draws row', async () => {
    expect(LATEST_SCHEMA_VERSION).toBeGreaterThanOrEqual(5);
    const raw = c.conn.raw;
    const drawId = await c.revealed('结果分表');
    expect(raw.prepare('SELECT result FROM draws WHERE id = ?').pluck().get(drawId)).toBe(
      '{"storedIn":"draw_results"}',
    );
    const text = raw.prepare('SELECT result FROM draw_results WHERE draw_id = ?').pluck().get(drawId) as string;
    expect(JSON.parse(text)).toMatchObject({ seed: loadDrawRow(raw, drawId).seed });
    expect(drawResultText(raw, drawId)).toBe(text);

    // Written once: never changed, never deleted, and only while the draw is being revealed.
    expect(() => raw.prepare("UPDATE draw_results SET result = '{}' WHERE draw_id = ?").run(drawId)).toThrow(
      /抽取结果一经确定不可修改/,
    );
    expect(() => raw.prepare('DELETE FROM draw_results WHERE draw_id = ?').run(drawId)).toThrow(/抽取结果不可删除/);
    const { id: prepared } = await c.services.draws.prepare({ taskId: c.publishedTask({ name: '未揭晓' }) });
    expect(() => raw.prepare("INSERT INTO draw_results (draw_id, result) VALUES (?, '{}')").run(prepared)).toThrow(
      /只有揭晓时才能登记抽取结果/,
    );

    await c.services.draws.seal({ drawId });
    expect(loadDrawRow(raw, drawId).state).toBe('sealed');
    expect(drawResultText(raw, drawId)).toBe(text);
  });

  it('reads and seals a draw revealed by an earlier version, its result in draws.result', async () => {
    const raw = c.conn.raw;
    const drawId = await c.revealed('旧版本揭晓');
    const text = drawResultText(raw, drawId)!;
    // The row as version 4 left it: the text in draws.result, nothing in draw_results. Two guards are lifted for the
    // move (draws_fixed_fields keeps draws.result as first set) and put back as they were.
    const guards = ['draw_results_no_delete', 'draws_fixed_fields'].map(
      (name) => raw.prepare('SELECT sql FROM sqlite_master WHERE name = ?').pluck().get(name) as string,
    );
    raw.exec('DROP TRIGGER draw_results_no_delete; DROP TRIGGER draws_fixed_fields');
    raw.prepare('DELETE FROM draw_results WHERE draw_id = ?').run(drawId);
    raw.prepare('UPDATE draws SET result = ? WHERE id = ?').run(text, drawId);
    for (const sql of guards) raw.exec(sql);
    expect(drawResultText(raw, drawId)).toBe(text);
    // Nothing may stand in for that text afterwards.
    expect(() => raw.prepare("INSERT INTO draw_results (draw_id, result) VALUES (?, '{}')").run(drawId)).toThrow(
      /只有揭晓时才能登记抽取结果/,
    );

    // Sealed from the stored text (a fresh cache, as after a restart): the body is the revealed one with its info.
    sealStep(raw, drawId, { actor: '测试操作员', now: c.ctx.now(), progress: () => undefined }, new SnapshotCache());
    const draw = loadDrawRow(raw, drawId);
    const expected = JSON.parse(text) as ProofBody;
    // The log's head as 封存 saw it, which the proof records beside the body it re-derives.
    const auditHead = raw.prepare('SELECT audit_head FROM draw_proofs WHERE draw_id = ?').pluck().get(drawId) as string;
    expected.info = { ...expected.info, sealedAt: draw.sealed_at!, sealedBy: '测试操作员', auditHead };
    expect(JSON.stringify(latestProof(raw, drawId)!.body)).toBe(JSON.stringify(expected));
  });
});
