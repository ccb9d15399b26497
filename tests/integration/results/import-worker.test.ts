/**
 * The import worker as the page runs it: the preview it returns equals the in-process read and dry run; a cancel
 * stops it; a write cancelled, crashed or failing midway leaves the database exactly as it was.
 */
import { copyFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SheetResult } from '@shared/domain/results';
import { importResultFiles, type ReadResultFiles } from '../../../src-main/results/import-files';
import { packRead, ResultImportJobs, type ImportStep } from '../../../src-main/results/import-job';
import { refusal } from '../../fixtures/refusal';
import { resultsCounty, type ResultsCounty } from './setup';
import { spoiledWorkbook } from './workbooks';

let c: ResultsCounty;
let drawn: number;
beforeAll(async () => {
  c = await resultsCounty();
  drawn = c.count('draw_selected');
});
afterAll(async () => {
  await c.close();
});

/** Every row of the tables an import writes, sorted: equal snapshots mean an unchanged database. */
function snapshot(): string {
  const tables = ['results', 'result_rows', 'result_follow_ups', 'audit_log', 'roster_changes'];
  const rows = (t: string) =>
    c.conn.raw
      .prepare(`SELECT * FROM ${t}`)
      .all()
      .map((r) => JSON.stringify(r));
  return JSON.stringify(tables.map((t) => rows(t).sort()));
}

/** What a preview of these sheets would hand the confirm (one workbook, one worksheet a sheet). */
function readOf(sheets: SheetResult[]): ReadResultFiles {
  return {
    files: 1,
    worksheets: sheets.length,
    unreadable: 0,
    sheets,
    origins: sheets.map((_, i) => ({ file: '批量.xlsx', sheet: `第${i + 1}户` })),
    problems: [],
  };
}

const cleanSheets = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => c.cleanSheet(from + i));

function job(kind: 'confirm', read: ReadResultFiles, jobId: string) {
  return { kind, read: packRead(read), jobId, dbPath: c.path, actor: '测试操作员', nowIso: c.ctx.now().toISOString() };
}

describe('the preview in the worker', () => {
  it('counts and names the same problems as the in-process read and dry run', async () => {
    const { path } = await spoiledWorkbook(c.conn.raw, c.drawId, c.dir);
    const notWorkbook = join(c.dir, '说明.xlsx');
    writeFileSync(notWorkbook, '这不是工作簿');
    const paths = [path, notWorkbook];
    const local = await importResultFiles(c.conn.raw, c.ctx, paths, { dryRun: true, fileName: basename });
    const before = snapshot();
    const files = paths.map((p) => c.services.files.issue(p, 'open').token);
    const { report } = await c.services.results.importPreview({ files, jobId: 'preview-1' });
    expect(report).toEqual(local);
    expect(report.problems.map((p) => p.file)).toEqual(expect.arrayContaining([basename(path), '说明.xlsx']));
    expect(snapshot()).toBe(before);
    const progress = c.services.results.importProgress('preview-1');
    expect(progress).toMatchObject({ running: false, step: 'check' });
    expect(progress.done).toBe(progress.total);
  });

  it('reads ten files in two threads and reports them in the order chosen', async () => {
    const { path } = await spoiledWorkbook(c.conn.raw, c.drawId, c.dir);
    const paths = Array.from({ length: 10 }, (_, i) => join(c.dir, `第${i + 1}个.xlsx`));
    paths.forEach((p, i) => (i % 3 === 2 ? writeFileSync(p, '这不是工作簿') : copyFileSync(path, p)));
    const local = await importResultFiles(c.conn.raw, c.ctx, paths, { dryRun: true, fileName: basename });
    const files = paths.map((p) => c.services.files.issue(p, 'open').token);
    const { report } = await c.services.results.importPreview({ files, jobId: 'preview-ten' });
    expect(report).toEqual(local);
    expect([...new Set(report.problems.map((p) => p.file))]).toEqual(paths.map((p) => basename(p)));
  });

  it('stops when cancelled and keeps nothing to confirm', async () => {
    const { path } = await spoiledWorkbook(c.conn.raw, c.drawId, c.dir);
    const files = [c.services.files.issue(path, 'open').token];
    const before = snapshot();
    const preview = c.services.results.importPreview({ files, jobId: 'preview-2' });
    expect(c.services.results.importCancel('preview-2')).toEqual({ cancelled: true });
    const refused = await refusal(() => preview);
    expect(refused).toMatchObject({ code: 'result.importCancelled' });
    expect(c.services.results.importCancel('preview-2')).toEqual({ cancelled: false });
    expect(snapshot()).toBe(before);
  });
});

describe('the write in the worker', () => {
  it('rolls back a write cancelled midway', async () => {
    const jobs = new ResultImportJobs();
    const before = snapshot();
    const steps: ImportStep[] = [];
    const write = jobs.run(job('confirm', readOf(cleanSheets(0, drawn)), 'write-1'), (step) => {
      steps.push(step);
      jobs.cancel('write-1');
    });
    expect(await refusal(() => write)).toMatchObject({ code: 'result.importCancelled' });
    expect(steps[0]).toEqual({ step: 'write', done: 0, total: drawn });
    expect(snapshot()).toBe(before);
    await jobs.close();
  });

  it('leaves the database as it was when the thread is terminated mid-write, and the next write succeeds', async () => {
    const jobs = new ResultImportJobs();
    const before = snapshot();
    const write = jobs.run(job('confirm', readOf(cleanSheets(0, drawn)), 'write-2'), () => void jobs.close());
    expect(await refusal(() => write)).toMatchObject({ code: 'result.importFailed' });
    expect(snapshot()).toBe(before);
    const again = await jobs.run(job('confirm', readOf(cleanSheets(0, 2)), 'write-3'), () => undefined);
    expect(again.report.entered).toBe(2);
    expect(c.count('results')).toBe((JSON.parse(before) as string[][])[0].length + 2);
    await jobs.close();
  });

  it('rolls back every sheet entered before a failure after half of them', async () => {
    const jobs = new ResultImportJobs();
    const sheets = cleanSheets(2, drawn);
    const half = Math.floor(sheets.length / 2);
    // Not a list: planning this sheet throws a TypeError, not a refusal of the sheet.
    sheets[half] = c.cleanSheet(2 + half, { inspectorIds: 7 as unknown as string[] });
    const before = snapshot();
    const write = jobs.run(job('confirm', readOf(sheets), 'write-4'), () => undefined);
    const refused = await refusal(() => write);
    expect(refused).toMatchObject({ code: 'result.importFailed' });
    expect(refused.message).toContain('数据库未作任何修改');
    expect(snapshot()).toBe(before);
    await jobs.close();
  });
});
