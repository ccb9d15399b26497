import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { drawCaseCommand, EXIT_INFEASIBLE, verifyCommand } from '../../src-main/cli/draw-commands';
import type { CliCommand } from '../../src-main/cli/command';
import { isAppError } from '@shared/errors';

const VECTORS = resolve(__dirname, '../fixtures/draw-vectors');
const workDir = mkdtempSync(join(tmpdir(), 'ssj-draw-cli-'));

/** Runs a command as the CLI would, capturing what it prints. */
async function run(command: CliCommand, positionals: string[], options: Record<string, string | boolean> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const status = await command.run({
    positionals,
    options,
    json: options.json === true,
    dbPath: join(workDir, 'unused.db'),
    out: (text) => out.push(text),
    err: (text) => err.push(text),
  });
  return { status, out: out.join('\n'), err: err.join('\n') };
}

function writeJson(name: string, value: unknown): string {
  const path = join(workDir, name);
  writeFileSync(path, JSON.stringify(value));
  return path;
}

describe('draw-case', () => {
  it('prints the expected proof of every vector on stdout', async () => {
    for (const name of ['01-minimal', '02-strata-ratio', '03-area-tags', '04-substitution']) {
      const result = await run(drawCaseCommand, [join(VECTORS, `${name}.case.json`)]);
      expect(result.status).toBe(0);
      const expected = JSON.parse(readFileSync(join(VECTORS, `${name}.proof.json`), 'utf8'));
      expect(JSON.parse(result.out)).toEqual(expected);
    }
  });

  it('writes the proof to --out', async () => {
    const out = join(workDir, 'proof-01.json');
    const result = await run(drawCaseCommand, [join(VECTORS, '01-minimal.case.json')], { out });
    expect(result.status).toBe(0);
    expect(result.out).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8')).seed).toBe(
      JSON.parse(readFileSync(join(VECTORS, '01-minimal.proof.json'), 'utf8')).seed,
    );
  });

  it('exits 2 with the Chinese reason when teams cannot be formed', async () => {
    const drawCase = JSON.parse(readFileSync(join(VECTORS, '01-minimal.case.json'), 'utf8'));
    // Everyone from 西关/东关 is out: only 城关's inspector remains, who may not inspect 城关's entities.
    drawCase.inputs.inspectors = drawCase.inputs.inspectors
      .filter((i: { office: string }) => i.office === '西关市场监管所')
      .slice(0, 1);
    const result = await run(drawCaseCommand, [writeJson('infeasible.case.json', drawCase)]);
    expect(result.status).toBe(EXIT_INFEASIBLE);
    expect(result.out).toBe('');
    expect(result.err).toMatch(/第 1 包：符合回避条件的执法人员只有1人，不足每组2人/);
  });

  it('refuses an invalid case with a Chinese AppError naming the field', async () => {
    const drawCase = JSON.parse(readFileSync(join(VECTORS, '02-strata-ratio.case.json'), 'utf8'));
    drawCase.inputs.strata[1].quota += 1;
    const error = await run(drawCaseCommand, [writeJson('bad-quota.case.json', drawCase)]).catch((e: unknown) => e);
    expect(isAppError(error) && error.code).toBe('draw.invalidInputs');
    expect((error as Error).message).toContain('inputs.strata[1].quota');
  });
});

describe('verify', () => {
  it('says 验证通过 for every vector proof', async () => {
    for (const name of ['01-minimal', '02-strata-ratio', '03-area-tags', '04-substitution']) {
      const result = await run(verifyCommand, [join(VECTORS, `${name}.proof.json`)]);
      expect(result.status).toBe(0);
      expect(result.out).toMatch(/^验证通过/);
    }
  });

  it('exits 1 and names the first difference of a tampered proof', async () => {
    const proof = JSON.parse(readFileSync(join(VECTORS, '03-area-tags.proof.json'), 'utf8'));
    proof.result.packages[2].team.reverse();
    const result = await run(verifyCommand, [writeJson('tampered.proof.json', proof)]);
    expect(result.status).toBe(1);
    expect(result.out).toContain('第 3 包的检查组不一致');
  });

  it('prints one JSON object with --json', async () => {
    const proof = JSON.parse(readFileSync(join(VECTORS, '04-substitution.proof.json'), 'utf8'));
    proof.amendments[0].in = 'ZF00002';
    const result = await run(verifyCommand, [writeJson('tampered-in.proof.json', proof)], { json: true });
    expect(result.status).toBe(1);
    const report = JSON.parse(result.out);
    expect(report).toMatchObject({
      valid: false,
      difference: { code: 'proof.amendment.in', path: 'amendments[0].in' },
    });
  });

  it('accepts a proof from another implementation: named witnesses, an info block, a BOM', async () => {
    const proof = JSON.parse(readFileSync(join(VECTORS, '02-strata-ratio.proof.json'), 'utf8'));
    proof.entropy.witnesses = proof.entropy.witnesses.map((value: string, i: number) => ({
      name: `见证人${i + 1}`,
      value,
    }));
    proof.info = { operator: '王五', place: '三楼会议室', startedAt: '2026-03-18T09:30:00+08:00' };
    const path = join(workDir, 'foreign.proof.json');
    writeFileSync(path, `\uFEFF${JSON.stringify(proof, null, 2)}`);
    const result = await run(verifyCommand, [path]);
    expect(result.status).toBe(0);
  });

  it('reports an unreadable file as an AppError in Chinese', async () => {
    const error = await run(verifyCommand, [join(workDir, 'missing.json')]).catch((e: unknown) => e);
    expect(isAppError(error) && error.message).toMatch(/无法读取抽取记录文件/);
  });
});
