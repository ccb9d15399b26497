/**
 * The draw of a task through the real services on a temp SQLite file, stage by stage (准备 → 承诺 → 见证 → 揭晓 →
 * 封存, then 递补): what each stage stores and shows, the printed record's data, the nonce kept
 * secret until 揭晓, and a sealed proof that verifies with the engine's verifier and with the CLI.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deriveSeed, verifyProof, type DrawInputs, type DrawProof } from '@shared/draw';
import type { DrawView } from '@shared/domain/draws';
import { DRAW_COMMANDS } from '../../../src-main/cli/draw-commands';
import { runCli } from '../../../src-main/cli/run-cli';
import { nodeSha256 } from '../../../src-main/draws/node-sha256';
import { chinaDate } from '@shared/domain/china-time';
import { CEREMONY, county, storedInputs, type County } from '../../fixtures/county';
import { auditActions } from '../../fixtures/test-db';
import { refusal } from '../../fixtures/refusal';

let c: County;
beforeAll(async () => {
  c = await county();
});
afterAll(async () => {
  await c.close();
});

const HEX64 = /^[0-9a-f]{64}$/;
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const storedBytes = (drawId: number) => storedInputs(c, drawId);

// The stages of one draw, in order: each describe picks up the draw where the one before left it.
let taskId: number;
let drawId: number;
let sealed: DrawView;
/** How many entities the sealed draw selected, as its strata say. */
const selectedCount = () => sealed.strata.reduce((n, s) => n + s.selected, 0);

describe('a draw, stage by stage: 准备', () => {
  it('准备 freezes the scope the page previewed, digests it and stores no nonce', async () => {
    taskId = c.publishedTask();
    const draws = c.services.draws;
    expect(draws.ceremonyState({ taskId })).toMatchObject({
      stage: 'none',
      drawId: null,
      task: { id: taskId, number: '某市监抽查〔2026〕1号' },
    });
    const task = c.services.tasks.get(taskId);
    const preview = c.services.tasks.scopePreview(task);

    const view = await draws.prepare({ taskId });
    drawId = view.id;
    expect(view).toMatchObject({
      state: 'prepared',
      commit: null,
      reveal: null,
      sealed: null,
      taskNumber: task.number,
    });
    expect(view.preparation.strata).toEqual(preview.strata);
    expect(view.preparation.candidates).toBe(preview.total);
    expect(view.preparation.quota).toBe(preview.expected);
    expect(view.preparation.feasibility.feasible).toBe(true);
    expect(view.inputDigest).toMatch(HEX64);

    const row = c.conn.raw.prepare('SELECT nonce, nonce_commit FROM draws WHERE id = ?').get(drawId);
    expect(row).toEqual({ nonce: null, nonce_commit: null });
    const canonical = storedBytes(drawId);
    expect(sha256(canonical)).toBe(view.inputDigest);
    const inputs = JSON.parse(canonical.toString('utf8')) as DrawInputs;
    expect(inputs.strata.map((s) => [s.name, s.candidates.length, s.ratioBp, s.quota])).toEqual(
      preview.strata.map((s) => [s.name, s.candidates, s.ratioBp, s.quota]),
    );
    expect(inputs.requiredTags).toEqual(['食品']);
    expect(inputs.task).toMatchObject({ number: task.number, attempt: 1, voidedAttempts: [] });

    expect(draws.ceremonyState({ taskId })).toMatchObject({
      stage: 'prepared',
      hashes: { inputDigest: view.inputDigest, nonceCommit: null, nonce: null, seed: null },
    });
  });
});

describe('a draw, stage by stage: 承诺 and 见证', () => {
  it('承诺 makes the nonce, shows only its hash, and fills part one of the record', () => {
    const { draw, record } = c.services.draws.commit({ drawId, ...CEREMONY });
    const { nonce, nonce_commit: nonceCommit } = c.conn.raw
      .prepare('SELECT nonce, nonce_commit FROM draws WHERE id = ?')
      .get(drawId) as { nonce: string; nonce_commit: string };
    expect(nonce).toMatch(HEX64);
    expect(sha256(Buffer.from(nonce, 'hex'))).toBe(nonceCommit);
    expect(draw.commit).toMatchObject({
      nonceCommit,
      place: CEREMONY.place,
      operator: CEREMONY.operator,
      supervisor: CEREMONY.supervisor,
    });
    expect(draw.reveal).toBeNull();
    // The nonce appears nowhere a clerk or the projector can see before 揭晓.
    expect(JSON.stringify(draw)).not.toContain(nonce);
    expect(JSON.stringify(c.services.draws.ceremonyState({ taskId }))).not.toContain(nonce);

    const task = c.services.tasks.get(taskId);
    expect(record).toMatchObject({
      bureauName: '某县市场监督管理局',
      taskNumber: '某市监抽查〔2026〕1号',
      taskName: task.name,
      inspectingBody: '某县市场监督管理局',
      items: task.items.map((i) => i.name),
      committedAt: c.ctx.now().toISOString(),
      place: CEREMONY.place,
      operator: CEREMONY.operator,
      supervisor: CEREMONY.supervisor,
      inspectorPoolSize: draw.preparation.inspectors,
      teamSize: 2,
      packageSize: 3,
      inputDigest: draw.inputDigest,
      nonceCommit,
      protocol: 'ssj-draw/1',
    });
    expect(record.items).toHaveLength(3);
    expect(record.scope).toContain('行业：食品销售、餐饮服务');
    expect(record.strata).toEqual(
      draw.preparation.strata.map((s) => ({
        label: s.name === '未评级' ? '未评级' : `${s.name}级`,
        candidates: s.candidates,
        ratio: `${s.ratioBp! / 100}%`,
        quota: s.quota,
      })),
    );
  });

  it('见证 takes each value in turn (and one public value), shown to the projector as entered', () => {
    const draws = c.services.draws;
    draws.witness({ drawId, name: '李明', role: '县人大代表', value: '314159' });
    draws.witness({ drawId, name: '王芳', role: '县政协委员', value: ' 271828 ' });
    draws.witness({ drawId, name: '第2026135期福利彩票开奖号码', value: '03 11 19 24 27 31', kind: 'public' });
    const state = draws.ceremonyState({ taskId });
    expect(state.stage).toBe('committed');
    expect(state.witnesses.map((w) => [w.kind, w.name, w.value])).toEqual([
      ['witness', '李明', '314159'],
      ['witness', '王芳', '271828'],
      ['public', '第2026135期福利彩票开奖号码', '03 11 19 24 27 31'],
    ]);
    expect(state.result).toBeNull();
  });

  it('an earlier entry of the same value by the same witness is found, by trimmed name and value only', () => {
    const repeats = c.services.draws.witnessRepeats({ name: ' 王芳 ', value: '271828 ' });
    expect(repeats).toEqual([
      { taskNumber: expect.any(String), attempt: 1, ordinal: 2, enteredAt: expect.any(String) },
    ]);
    expect(c.services.draws.witnessRepeats({ name: '李明', value: '271828' })).toEqual([]);
  });
});

describe('a draw, stage by stage: 揭晓', () => {
  it('揭晓 derives the seed from the committed nonce and the values, and runs the engine', async () => {
    const view = await c.services.draws.reveal({ drawId });
    const nonce = c.conn.raw.prepare('SELECT nonce FROM draws WHERE id = ?').pluck().get(drawId) as string;
    const seed = deriveSeed(
      view.inputDigest,
      nonce,
      { witnesses: ['314159', '271828'], public: '03 11 19 24 27 31' },
      nodeSha256,
    );
    expect(view).toMatchObject({ state: 'revealed', reveal: { nonce, seed } });
    for (const s of view.strata) expect(s.selected).toBe(s.quota);
    expect(view.packageCount).toBeGreaterThan(0);
    const state = c.services.draws.ceremonyState({ taskId });
    expect(state.hashes).toMatchObject({ nonce, seed });
    expect(state.result!.selected).toBe(view.preparation.quota);
    const shown = state.result!.packages[0];
    expect(shown.team.length).toBeGreaterThanOrEqual(2);
    expect(shown.entities[0].name).not.toBe('');
    expect(shown.entities.every((e) => e.address === '')).toBe(true); // the projector shows no addresses
  });
});

describe('a draw, stage by stage: 封存', () => {
  it('封存 stores the proof for good and lists the drawn entities', async () => {
    sealed = (await c.services.draws.seal({ drawId })).draw;
    expect(sealed).toMatchObject({ state: 'sealed', sealed: { proofVersion: 1 } });
    expect(c.conn.raw.prepare('SELECT count(*) FROM draw_selected WHERE draw_id = ?').pluck().get(drawId)).toBe(
      selectedCount(),
    );
  });

  it('dates the drawn entities right behind 封存, in the worker’s queue', async () => {
    const selected = selectedCount();
    await c.services.draws.settle();
    expect(c.conn.raw.prepare('SELECT updated FROM draw_roster_dates WHERE draw_id = ?').pluck().get(drawId)).toBe(
      selected,
    );
    const today = chinaDate(c.ctx.now());
    expect(
      c.conn.raw
        .prepare(
          'SELECT count(*) FROM entities WHERE id IN (SELECT entity_id FROM draw_selected WHERE draw_id = ?) AND last_inspected_on = ?',
        )
        .pluck()
        .get(drawId, today),
    ).toBe(selected);
    expect(
      c.conn.raw.prepare('SELECT count(*) FROM roster_changes WHERE batch = ?').pluck().get(`draw:${drawId}`),
    ).toBe(selected);
  });

  it('logs every step of the ceremony', () => {
    expect(auditActions(c.conn, `draws:${drawId}`)).toEqual([
      'draws:prepare',
      'draws:commit',
      'draws:witness',
      'draws:witness',
      'draws:witness',
      'draws:reveal',
      'draws:seal',
    ]);
  });

  it('fills part two of the record: people, values, seed and every drawn entity by name', () => {
    const record = c.services.draws.resultRecord(drawId);
    const draw = sealed;
    expect(record.commit.inputDigest).toBe(draw.inputDigest);
    expect(record.participants).toEqual({
      operator: CEREMONY.operator,
      supervisor: CEREMONY.supervisor,
      witnesses: [
        { name: '李明', role: '县人大代表' },
        { name: '王芳', role: '县政协委员' },
      ],
    });
    expect(record.entropy).toEqual([
      { name: '李明', value: '314159' },
      { name: '王芳', value: '271828' },
      { name: '第2026135期福利彩票开奖号码', value: '03 11 19 24 27 31', isPublicValue: true },
    ]);
    expect(record).toMatchObject({
      nonce: draw.reveal!.nonce,
      seed: draw.reveal!.seed,
      sealedAt: c.ctx.now().toISOString(),
      amendments: [],
    });
    expect(record.strata.map((s) => s.selected)).toEqual(draw.strata.map((s) => s.quota));
    expect(record.packages).toHaveLength(draw.packageCount);
    const entities = record.packages.flatMap((p) => p.entities);
    expect(entities).toHaveLength(selectedCount());
    for (const e of entities) {
      expect(e.name).not.toBe('（已不在名录中）');
      expect(e.key).toMatch(HEX64);
      expect(e.drawNo).toBeGreaterThanOrEqual(1);
    }
    for (const p of record.packages) for (const m of p.team) expect(m.name).not.toBe(m.certNo);
  });
});

describe('a draw, stage by stage: the sealed proof and the record', () => {
  it('the sealed proof verifies with the engine and with the CLI, and is the same bytes that were committed', async () => {
    const text = c.services.draws.proofText(drawId);
    const proof = JSON.parse(text) as DrawProof;
    const report = verifyProof(proof, nodeSha256);
    expect(report.valid).toBe(true);
    const canonical = storedBytes(drawId);
    expect(JSON.stringify(proof.inputs)).toBe(canonical.toString('utf8'));
    expect(proof.info).toMatchObject({ place: CEREMONY.place, taskNumber: '某市监抽查〔2026〕1号' });

    const token = c.services.files.issue(join(c.dir, '抽取记录.json'), 'save').token;
    const exported = await c.services.draws.exportProof({ drawId, fileToken: token, verifyPage: true });
    expect(exported).toEqual({ fileName: '抽取记录.json', verifyPage: '抽取记录-离线验证页.html' });
    expect(readFileSync(join(c.dir, exported.verifyPage!), 'utf8')).toContain('<html');
    // Without the clerk's yes, nothing but the chosen file is written.
    const alone = mkdtempSync(join(c.dir, 'alone-'));
    const aloneToken = c.services.files.issue(join(alone, '仅记录.json'), 'save').token;
    expect(await c.services.draws.exportProof({ drawId, fileToken: aloneToken, verifyPage: false })).toEqual({
      fileName: '仅记录.json',
      verifyPage: null,
    });
    expect(readdirSync(alone)).toEqual(['仅记录.json']);
    const out: string[] = [];
    const status = await runCli(['verify', join(c.dir, '抽取记录.json')], DRAW_COMMANDS, {
      out: (t) => out.push(t),
      err: (t) => out.push(t),
    });
    expect(status).toBe(0);
    expect(out.join('\n')).toMatch(/^验证通过/);

    // Tampering with the stored bytes is caught before anything is drawn from them again.
    const tampered = JSON.parse(text) as DrawProof;
    tampered.result.packages[0].team.reverse();
    expect(verifyProof(tampered, nodeSha256).valid).toBe(false);
  });

  it('writes part one and part two of the record as PDF through the save dialog', async () => {
    for (const part of ['commit', 'result'] as const) {
      const path = join(c.dir, `record-${part}.pdf`);
      const result = await c.services.draws.exportRecord({
        drawId,
        part,
        fileToken: c.services.files.issue(path, 'save').token,
      });
      expect(result.fileName).toBe(`record-${part}.pdf`);
      expect(readFileSync(path).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    }
  });
});

describe('a draw, stage by stage: a sealed draw is final', () => {
  it('a sealed draw is final: no second reveal, no void, no witness, no edit of its task', async () => {
    const draws = c.services.draws;
    expect((await refusal(() => draws.reveal({ drawId }))).message).toMatch(/已封存，不能揭晓/);
    expect((await refusal(() => draws.seal({ drawId }))).message).toMatch(/已封存，不能封存/);
    expect((await refusal(() => draws.void({ drawId, reason: '结果不满意' }))).code).toBe('draw.sealedNoVoid');
    expect((await refusal(() => draws.witness({ drawId, name: '晚到的人', value: '1' }))).message).toMatch(
      /不能录入见证值/,
    );
    expect((await refusal(() => draws.prepare({ taskId }))).code).toBe('draw.alreadyCommitted');
    const task = c.services.tasks.get(taskId);
    expect(
      (
        await refusal(() =>
          c.services.tasks.save({ ...task, itemIds: task.items.map((i) => i.id), changeReason: '扩大范围' }),
        )
      ).code,
    ).toBe('task.drawCommitted');
    expect(() => c.conn.raw.prepare("UPDATE draw_proofs SET body = '{}' WHERE draw_id = ?").run(drawId)).toThrow(
      /不可修改/,
    );
  });
});

describe('a draw, stage by stage: 递补', () => {
  it('递补 replaces an inspector with a reason; the proof gains the amendment and still verifies', async () => {
    const before = c.services.draws.get({ drawId })!;
    const team = before.packages[0].team;
    const out = team[0].id;
    const { draw } = await c.services.draws.amend({
      drawId,
      packageNo: 1,
      out,
      reason: '与检查对象存在亲属关系，依法回避',
    });
    const record = c.services.draws.resultRecord(drawId);
    expect(draw.sealed!.proofVersion).toBe(2);
    expect(draw.amendments).toHaveLength(1);
    const amendment = draw.amendments[0];
    expect(amendment).toMatchObject({
      ordinal: 1,
      packageNo: 1,
      out: { id: out },
      reason: '与检查对象存在亲属关系，依法回避',
    });
    expect(draw.packages[0].team.map((m) => m.id)).not.toContain(out);
    expect(draw.packages[0].team.map((m) => m.id)).toContain(amendment.in.id);
    expect(record.amendments).toEqual([
      {
        packageNo: 1,
        replaced: `${team[0].name}（${out}）`,
        replacement: `${amendment.in.name}（${amendment.in.id}）`,
        reason: amendment.reason,
        at: c.ctx.now().toISOString(),
      },
    ]);
    expect(record.packages[0].team.map((m) => m.certNo)).toEqual(draw.packages[0].team.map((m) => m.id));

    const proof = JSON.parse(c.services.draws.proofText(drawId)) as DrawProof;
    expect(proof.amendments).toEqual([{ package: 1, out, in: amendment.in.id, reason: amendment.reason }]);
    expect(verifyProof(proof, nodeSha256).valid).toBe(true);
    // The first sealed version is still there, unchanged.
    expect(
      c.conn.raw.prepare('SELECT version FROM draw_proofs WHERE draw_id = ? ORDER BY version').pluck().all(drawId),
    ).toEqual([1, 2]);

    const versions = c.count('draw_proofs');
    expect((await refusal(() => c.services.draws.amend({ drawId, packageNo: 1, out, reason: '再换一次' }))).code).toBe(
      'draw.invalidAmendment',
    );
    expect(
      (await refusal(() => c.services.draws.amend({ drawId, packageNo: 1, out: amendment.in.id, reason: '  ' }))).code,
    ).toBe('draw.amendReason');
    expect(c.count('draw_proofs')).toBe(versions);
    expect(c.count('draw_amendments')).toBe(1);
  });
});
