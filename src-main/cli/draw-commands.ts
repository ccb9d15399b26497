/**
 * CLI commands of the ssj-draw/1 engine: run a case file (as in tests/fixtures/draw-vectors) and verify a proof.
 * Both read files written by any conforming implementation, not only this one.
 */
import { readFile } from 'node:fs/promises';
import { AppError, isAppError } from '@shared/errors';
import { DrawErrorCode, type VerifyReport } from '@shared/draw';
import { DrawWorkerPool, PARALLEL_THRESHOLD, runDrawParallel, verifyProofParallel } from '../draws/parallel-rank';
import type { CliCommand, CliContext } from './command';
import { writeFileSafely } from '../app/safe-write';

/** draw-case exit status when the case cannot be staffed (a team or tag shortage): documented in --help. */
export const EXIT_INFEASIBLE = 2;

const TEAM_SHORTAGE_CODES: string[] = [
  DrawErrorCode.tagUnavailable,
  DrawErrorCode.teamTooSmall,
  DrawErrorCode.infeasible,
];

async function readJsonFile(path: string | undefined, what: string): Promise<unknown> {
  if (!path) throw new AppError('cli.missingArgument', `请指定${what}文件`);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new AppError(
      'cli.fileUnreadable',
      `无法读取${what}文件 ${path}：${(error as NodeJS.ErrnoException).code ?? String(error)}`,
    );
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, '')); // Windows editors like to prepend a BOM
  } catch (error) {
    throw new AppError('cli.invalidJson', `${what}文件 ${path} 不是有效的 JSON:${(error as Error).message}`);
  }
}

/** A pool only for big cases: starting a worker costs more than it saves on a county-sized draw. */
/** Runs `work` with a ranking pool when the case or proof is city-sized (PARALLEL_THRESHOLD), closing it after. */
export async function withPoolIfLarge<T>(raw: unknown, work: (pool: DrawWorkerPool | null) => Promise<T>): Promise<T> {
  const pool = countCandidates(raw) >= PARALLEL_THRESHOLD ? new DrawWorkerPool() : null;
  try {
    return await work(pool);
  } finally {
    await pool?.close();
  }
}

function countCandidates(raw: unknown): number {
  const strata = (raw as { inputs?: { strata?: { candidates?: unknown[] }[] } })?.inputs?.strata;
  if (!Array.isArray(strata)) return 0;
  return strata.reduce((sum, stratum) => sum + (Array.isArray(stratum?.candidates) ? stratum.candidates.length : 0), 0);
}

export const drawCaseCommand: CliCommand = {
  name: 'draw-case',
  summary: '按 ssj-draw/1 执行一个抽取用例文件，输出可公开验证的抽取记录',
  usage: 'draw-case CASE.json [--out PROOF.json]',
  options: { out: { type: 'string' } },
  async run(ctx: CliContext): Promise<number> {
    const raw = await readJsonFile(ctx.positionals[0], '抽取用例');
    let proofText: string;
    try {
      const proof = await withPoolIfLarge(raw, (pool) => runDrawParallel(raw, pool));
      proofText = JSON.stringify(proof, null, 1);
    } catch (error) {
      if (isAppError(error) && TEAM_SHORTAGE_CODES.includes(error.code)) {
        if (ctx.json)
          ctx.out(JSON.stringify({ ok: false, code: error.code, message: error.message, details: error.details }));
        ctx.err(`无法完成抽取：${error.message}`);
        return EXIT_INFEASIBLE;
      }
      throw error;
    }
    const outPath = ctx.options.out;
    if (typeof outPath === 'string') {
      await writeFileSafely(outPath, `${proofText}\n`);
      if (ctx.json) ctx.out(JSON.stringify({ ok: true, out: outPath }));
      else ctx.err(`抽取记录已写入 ${outPath}`);
    } else {
      ctx.out(proofText);
    }
    return 0;
  },
};

function describeValid(report: VerifyReport & { valid: true }): string {
  const strata = report.strata
    .map((s) => `  ${s.name}层：候选 ${s.candidates} 户，抽中 ${s.quota} 户，截止抽取号 ${s.cutoffKey ?? '（未抽取）'}`)
    .join('\n');
  return [
    '验证通过',
    `种子：${report.seed}`,
    `输入摘要：${report.inputDigest}`,
    strata,
    `名单包 ${report.packages} 个，递补 ${report.amendments} 条`,
  ].join('\n');
}

export const verifyCommand: CliCommand = {
  name: 'verify',
  summary: '验证一份 ssj-draw/1 抽取记录：重新推导全部结果，指出第一处不一致',
  usage: 'verify PROOF.json [--json]',
  async run(ctx: CliContext): Promise<number> {
    const raw = await readJsonFile(ctx.positionals[0], '抽取记录');
    const report = await withPoolIfLarge(raw, (pool) => verifyProofParallel(raw, pool));
    if (ctx.json) ctx.out(JSON.stringify(report));
    else if (report.valid) ctx.out(describeValid(report));
    else {
      const lines = ['验证未通过', `第一处不一致：${report.difference.message}`, `位置：${report.difference.path}`];
      ctx.out(lines.join('\n'));
    }
    return report.valid ? 0 : 1;
  },
};

export const DRAW_COMMANDS: CliCommand[] = [drawCaseCommand, verifyCommand];
