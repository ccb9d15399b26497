/**
 * 公示包 over a county with a sealed draw: `ssj publish` writes the site, each task's proof and verify page and the
 * lists; every candidate's draw number and rank agree with "查我的抽取号"; only published results appear; refusals
 * (unsealed draw, a year with no data, a folder not empty) are in Chinese and leave nothing behind.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lookupEntity, type DrawProof } from '@shared/draw';
import { publishCommand } from '../../../src-main/cli/publish-commands';
import { nodeSha256 } from '../../../src-main/draws/node-sha256';
import { proofText } from '../../../src-main/draws/exports';
import { saveEntry } from '../../../src-main/results/entry';
import { review } from '../../../src-main/results/review';
import ExcelJS from 'exceljs';
import { runCaptured } from '../../fixtures/cli';
import { tempDir } from '../../fixtures/test-db';
import { readPdf } from '../documents/pdf-text';
import { resultsCounty, type ResultsCounty } from '../results/setup';
import { filesUnder, readSite } from './site';

let c: ResultsCounty;
let taskNo: string;
const root = tempDir('ssj-publish-');

const cli = (...args: string[]) => runCaptured([...args, '--db', c.path], [publishCommand]);

/** Publishes the results directly in the 公示 tables, as the 结果公示 page records them. */
function publishResults(ids: number[]) {
  const raw = c.conn.raw;
  const id = raw
    .prepare(
      `INSERT INTO publications (kind, year, bureau_name, title, task_id, published_at, published_by, digest)
       VALUES ('抽查结果公告', 2026, '测试局', '抽查结果公告', ?, '2026-11-26T02:00:00.000Z', '测试', ?)`,
    )
    .run(c.taskId, 'a'.repeat(64)).lastInsertRowid;
  for (const r of ids) raw.prepare('INSERT INTO publication_results VALUES (?, ?)').run(id, r);
}

beforeAll(async () => {
  c = await resultsCounty();
  taskNo = c.services.tasks.get(c.taskId).number;
  const ids = [0, 1, 2].map((i) => saveEntry(c.conn.raw, c.ctx, c.cleanSheet(i)).resultIds[0]);
  review(c.conn.raw, c.ctx, ids, 'approve');
  publishResults([ids[0]]);
}, 120_000);
afterAll(async () => c.close());

describe('ssj publish', () => {
  const out = join(root, 'site');

  it('writes index.html, the site data, and each task proof, verify page and lists', async () => {
    const run = await cli('publish', taskNo, '--out', out, '--json');
    expect(run).toMatchObject({ code: 0, err: '' });
    const files = filesUnder(out);
    const task = `tasks/task-${c.taskId}`;
    for (const name of ['index.html', 'data/site.js', 'assets/search.js', 'verify.html', `${task}/proof.json`])
      expect(files).toContain(name);
    expect(files).toContain(`${task}/verify.html`);
    expect(readFileSync(join(out, task, 'proof.json'), 'utf8')).toBe(`${proofText(c.conn.raw, c.drawId)}\n`);
    expect(readdirSync(dirname(out))).toEqual(['site']); // no temporary folder left beside
    const audit = c.conn.raw.prepare("SELECT target FROM audit_log WHERE action = 'publish:package'").all();
    expect(audit).toEqual([{ target: `tasks:${taskNo}` }]);
  });

  it('gives every candidate the draw number, rank and cut-off the verify page computes', () => {
    const site = readSite(out);
    const proof = JSON.parse(readFileSync(join(out, `tasks/task-${c.taskId}/proof.json`), 'utf8')) as DrawProof;
    const [task] = site.tasks;
    expect(task.number).toBe(taskNo);
    for (const stratum of task.strata) {
      for (const i of [0, stratum.quota - 1, stratum.quota, stratum.codes.length - 1].filter((n) => n >= 0)) {
        if (i >= stratum.codes.length) continue;
        const standing = lookupEntity(proof, stratum.codes[i], nodeSha256)!;
        expect(standing).toMatchObject({ rank: i + 1, key: stratum.keys[i], cutoffKey: stratum.cutoffKey });
        expect(standing.selected).toBe(i < stratum.quota);
      }
    }
    const drawn = task.strata.reduce((n, s) => n + s.quota, 0);
    expect(task.drawn).toHaveLength(drawn);
    expect(Object.keys(site.names)).toHaveLength(drawn);
  });

  it('publishes only the results that were published, masked as the announcement is', () => {
    const [task] = readSite(out).tasks;
    expect(task.results).toHaveLength(1);
    expect(task.drawn.map((d) => d[2])).toContain(task.results[0][0]);
  });

  it('writes the drawn list and the published results as xlsx and PDF, read back', async () => {
    const dir = join(out, `tasks/task-${c.taskId}`);
    const [task] = readSite(out).tasks;
    expect(task.files.map((f) => f.name)).toEqual([
      '抽查任务公告.xlsx',
      '抽查任务公告.pdf',
      '抽查结果公告.xlsx',
      '抽查结果公告.pdf',
    ]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(dir, '抽查任务公告.xlsx'));
    const cells = book.worksheets.flatMap((ws) => ws.getSheetValues().flat().map(String));
    for (const [, , code] of task.drawn) expect(cells).toContain(code);
    const pdf = await readPdf(readFileSync(join(dir, '抽查结果公告.pdf')));
    expect(pdf.compact).toContain(task.results[0][0]);
  });

  it('embeds the same proof in the task verify page', () => {
    const page = readFileSync(join(out, `tasks/task-${c.taskId}/verify.html`), 'utf8');
    const block = /<script type="application\/json" id="proof-data" data-name="proof.json">([\s\S]*?)<\/script>/.exec(
      page,
    );
    const proof = readFileSync(join(out, `tasks/task-${c.taskId}/proof.json`), 'utf8');
    expect(JSON.parse(block![1])).toEqual(JSON.parse(proof));
  });
});

describe('refusals leave nothing written', () => {
  it('refuses a folder that is not empty', async () => {
    const out = join(root, 'taken');
    mkdirSync(out);
    writeFileSync(join(out, '说明.txt'), '原有文件');
    const run = await cli('publish', taskNo, '--out', out);
    expect(run).toMatchObject({ code: 1, err: expect.stringContaining('不是空的') });
    expect(readdirSync(out)).toEqual(['说明.txt']);
  });

  it('refuses a year with no sealed draw', async () => {
    const out = join(root, 'year-2019');
    const run = await cli('publish', '--year', '2019', '--out', out);
    expect(run).toMatchObject({ code: 1, err: expect.stringContaining('2019 年没有已封存的抽取') });
  });

  it('refuses a task whose draw is not sealed', async () => {
    const other = c.publishedTask({
      name: '尚未抽取的任务',
      ratio: { mode: 'uniform', bp: 500 },
      excludeRecentYears: 0,
    });
    const out = join(root, 'unsealed');
    const run = await cli('publish', c.services.tasks.get(other).number, '--out', out);
    expect(run).toMatchObject({ code: 1, err: expect.stringContaining('还没有已封存的抽取') });
  });

  it('left no folder or temporary folder behind', () => {
    expect(readdirSync(root).sort()).toEqual(['site', 'taken']);
  });
});

describe('ssj publish --year', () => {
  it('publishes every sealed task of the year', async () => {
    const out = join(root, 'year');
    const run = await cli('publish', '--year', '2026', '--out', out, '--json');
    expect(run.code).toBe(0);
    expect(readSite(out).tasks.map((t) => t.number)).toEqual([taskNo]);
  });
});
