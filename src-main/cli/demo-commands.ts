/**
 * `demo --out DIR`: the whole chain on an empty database without a display (demo county → published plan → 准备 … 封存 →
 * proof verified → 一户一表 → results), through the same services as the desktop app. Writes proof.json, both parts of
 * the record as PDF, verify.html and sheets/ (the 一户一表 of the draw) to DIR, and enters demo results.
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DEMO_WITNESSES } from '@shared/domain/draws';
import { gradeLabel } from '@shared/domain/tasks';
import { AppError } from '@shared/errors';
import { openDatabase } from '../db/connection';
import { verifyProofParallel } from '../draws/parallel-rank';
import { createServices, type Services } from '../app/services';
import { defaultContext } from '../app/context';
import { loadDemoData } from '../demo/demo-data';
import { createDemoPlan } from '../demo/plan-demo';
import { enterDemoResults, type DemoResults } from '../demo/demo-results';
import { exportSheets } from '../sheets/export';
import type { CliContext } from './command';
import { withPoolIfLarge } from './draw-commands';
import { createDemoUsers, DEMO_PASSWORD, DEMO_USERS } from '../users/cli-sign-in';
import { publishPackage } from './publish-commands';

/** Who the demo says was in the room (printed on the record): its 操作员 and 监督员 accounts. */
const DEMO_CEREMONY = {
  place: '县市场监督管理局三楼会议室',
  operator: DEMO_USERS.操作员,
  supervisor: DEMO_USERS.监督员,
} as const;

interface DemoOutSummary {
  dbPath: string;
  out: string;
  entities: number;
  taskNumber: string;
  candidates: number;
  selected: number;
  packages: number;
  inputDigest: string;
  nonceCommit: string;
  seed: string;
  verified: boolean;
  files: string[];
  sheets: string;
  publish: string;
  results: DemoResults;
  seconds: number;
}

type Say = (line: string) => void;

/** 准备 → 承诺 → 见证 → 揭晓 → 封存 of the demo task, writing both parts of the record, the proof and the verify page. */
async function drawDemo(services: Services, taskId: number, out: string, say: Say) {
  const prepared = await services.draws.prepare({ taskId });
  const p = prepared.preparation;
  say(
    `3. 准备：范围内 ${p.candidates} 户（${p.strata.map((s) => `${gradeLabel(s.name)} ${s.candidates}→${s.quota}`).join('，')}），` +
      `执法人员 ${p.inspectors} 人；可行性：${p.feasibility.method === 'bound' ? '已证明任何种子均可组队' : `${p.feasibility.trials} 次试抽全部成功`}`,
  );

  // As on the operator's machine: the supervisor's own password at 承诺 and at 封存.
  services.users.confirmSupervisor('承诺', DEMO_CEREMONY.supervisor, DEMO_PASSWORD);
  const committed = services.draws.commit({ drawId: prepared.id, ...DEMO_CEREMONY });
  const commitPdf = join(out, 'draw-record-commit.pdf');
  writeFileSync(commitPdf, await services.draws.recordPdf(prepared.id, 'commit'));
  say(`4. 承诺：输入摘要 ${committed.draw.inputDigest}`);
  say(`        承诺值 ${committed.draw.commit!.nonceCommit}（记录表第一部分：${commitPdf}）`);

  for (const witness of DEMO_WITNESSES) services.draws.witness({ drawId: prepared.id, ...witness });
  say(`5. 见证：${DEMO_WITNESSES.map((w) => `${w.name}（${w.role}）${w.value}`).join('，')}`);

  const revealed = await services.draws.reveal({ drawId: prepared.id });
  say(
    `6. 揭晓：种子 ${revealed.reveal!.seed}，抽中 ${revealed.strata.reduce((n, s) => n + s.selected, 0)} 户，名单包 ${revealed.packageCount} 个`,
  );

  services.users.confirmSupervisor('封存', DEMO_CEREMONY.supervisor, DEMO_PASSWORD);
  const sealed = await services.draws.seal({ drawId: prepared.id });
  const proofPath = join(out, 'proof.json');
  const proofText = services.draws.proofText(prepared.id);
  writeFileSync(proofPath, `${proofText}\n`, 'utf8');
  const resultPdf = join(out, 'draw-record-result.pdf');
  writeFileSync(resultPdf, await services.draws.recordPdf(prepared.id, 'result'));
  const verifyPage = join(out, 'verify.html');
  copyFileSync(join((await import('../documents/fonts')).resourcesDir(), 'verify.html'), verifyPage);
  say(`7. 封存：抽取记录 ${proofPath}，记录表第二部分 ${resultPdf}`);
  return { candidates: p.candidates, sealed, proofText, proofPath, commitPdf, resultPdf, verifyPage };
}

/** Re-derives every result from the proof alone, as a bureau's reviewer would. */
async function verifyDemo(proofText: string, proofPath: string, verifyPage: string, say: Say): Promise<boolean> {
  const proof = JSON.parse(proofText) as unknown;
  const report = await withPoolIfLarge(proof, (pool) => verifyProofParallel(proof, pool));
  if (!report.valid) throw new AppError('demo.verifyFailed', `抽取记录验证未通过：${report.difference.message}`);
  say(
    `8. 验证通过：按 ssj-draw/1 由记录本身重新推导出全部结果。也可运行 npm run ssj -- verify ${proofPath}，或用浏览器打开 ${verifyPage}`,
  );
  return report.valid;
}

export async function runDemoOut(
  ctx: CliContext,
  actor: string,
  entities: number,
  seed: number | undefined,
): Promise<number> {
  const started = performance.now();
  const out = resolve(String(ctx.options.out));
  mkdirSync(out, { recursive: true });
  // Without --db the demo gets a database of its own in DIR: it needs an empty one, and a newcomer's first command
  // should not touch the desktop app's database.
  const dbPath = typeof ctx.options.db === 'string' ? ctx.dbPath : join(out, 'demo.sqlite');
  const say: Say = (line) => {
    if (!ctx.json) ctx.out(line);
  };
  const conn = await openDatabase(dbPath, { migrate: true });
  const services = createServices(conn, defaultContext(actor));
  try {
    const now = new Date();
    const county = loadDemoData(conn.raw, { entities, seed, actor, now });
    createDemoUsers(conn.raw, actor, now);
    services.users.signIn({ name: DEMO_CEREMONY.operator, password: DEMO_PASSWORD });
    const accounts = Object.entries(DEMO_USERS).map(([role, name]) => `${name}（${role}）`);
    say(`   示例账户：${accounts.join('、')}，密码均为 ${DEMO_PASSWORD}`);
    say(
      `1. 示例县已写入 ${conn.path}：检查对象 ${county.entities} 户，执法人员 ${county.inspectors} 人，抽查事项 ${county.items} 项`,
    );

    const { planId, taskId } = createDemoPlan(services, conn.raw, now);
    const plan = services.plans.get(planId);
    const task = services.tasks.get(taskId);
    say(`2. 年度计划《${plan.title}》已公示（第 ${plan.version} 版），任务 ${task.number}「${task.name}」`);

    const drawn = await drawDemo(services, taskId, out, say);
    const verified = await verifyDemo(drawn.proofText, drawn.proofPath, drawn.verifyPage, say);
    const { draw } = drawn.sealed;
    const sheets = join(out, 'sheets');
    const sheetFiles = await exportSheets(conn.raw, draw.id, sheets);
    const results = enterDemoResults(conn.raw, defaultContext(actor), draw.id);
    say(`9. 一户一表：${sheetFiles.length} 个文件写入 ${sheets}（每个名单包一个 PDF 和一个 Excel，另有全部的 PDF）`);
    say(`10. 示例检查结果：已录入 ${results.entered} 户，其中 ${results.reviewed} 户已审核`);
    const site = await publishPackage(conn.path, { taskNo: task.number }, join(out, 'publish'));
    say(`11. 公示包：${site.files.length} 个文件写入 ${join(out, 'publish')}（用浏览器打开其中的 index.html）`);
    const summary: DemoOutSummary = {
      dbPath: conn.path,
      out,
      entities: county.entities,
      taskNumber: task.number,
      candidates: drawn.candidates,
      selected: draw.strata.reduce((n, s) => n + s.selected, 0),
      packages: draw.packageCount,
      inputDigest: draw.inputDigest,
      nonceCommit: draw.commit!.nonceCommit,
      seed: draw.reveal!.seed,
      verified,
      files: [drawn.proofPath, drawn.commitPdf, drawn.resultPdf, drawn.verifyPage],
      sheets,
      publish: join(out, 'publish'),
      results,
      seconds: Math.round((performance.now() - started) / 100) / 10,
    };
    if (ctx.json) ctx.out(JSON.stringify(summary));
    else say(`完成（${summary.seconds} 秒）。`);
    return 0;
  } finally {
    await services.draws.dispose();
    await conn.close();
  }
}
