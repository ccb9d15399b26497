/**
 * The documents rendered in a worker thread (src-main/documents/job.ts): the same files as rendering in place, while
 * this thread's event loop keeps turning (in the app: every window's IPC stays answered during a long export).
 */
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { renderDrawRecordResultPdf } from '../../../src-main/documents';
import { DocumentJobs } from '../../../src-main/documents/job';
import { samplePlan, sampleResult } from '../../fixtures/documents';
import { readPdf } from './pdf-text';

const jobs = new DocumentJobs();
afterAll(() => jobs.close());

describe('documents rendered in a worker thread', () => {
  it('prints the same record part two as in place, and this thread stays free meanwhile', async () => {
    const record = sampleResult(1500, 5);
    let longestGap = 0;
    let last = performance.now();
    const ticker = setInterval(() => {
      const now = performance.now();
      longestGap = Math.max(longestGap, now - last);
      last = now;
    }, 5);
    const started = performance.now();
    const bytes = await jobs.renderers.renderDrawRecordResultPdf(record);
    const renderMs = performance.now() - started;
    clearInterval(ticker);
    // The render takes seconds; rendered in place it would hold this thread for all of them. Here the event loop
    // only ever waited a fraction of it (bounded loosely: a busy CI machine delays timers too).
    expect(renderMs).toBeGreaterThan(300);
    expect(longestGap).toBeLessThan(renderMs / 3);

    const inWorker = await readPdf(bytes);
    const inPlace = await readPdf(await renderDrawRecordResultPdf(record));
    expect(inWorker.pages.length).toBeGreaterThan(10);
    expect(inWorker.pages.map((p) => p.text)).toEqual(inPlace.pages.map((p) => p.text));
    expect(inWorker.compact).toContain(record.packages[0].entities[0].uscc);
  });

  it('writes the plan workbook there too', async () => {
    const plan = samplePlan(5);
    const workbook = new ExcelJS.Workbook();
    const bytes = await jobs.renderers.renderPlanXlsx(plan);
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.rowCount).toBeGreaterThan(5);
    expect(JSON.stringify(sheet.getSheetValues())).toContain(plan.rows[0].taskName);
  });

  it('turns a renderer failure into a Chinese refusal, and keeps working after it', async () => {
    const refusal = await jobs
      .render('renderDrawRecordResultPdf', { packages: null })
      .catch((error: unknown) => error as Error);
    expect(refusal).toMatchObject({ code: 'documents.renderFailed' });
    expect((refusal as Error).message).toMatch(/^生成文件时出错/);
    expect((await jobs.renderers.renderPlanXlsx(samplePlan(2))).length).toBeGreaterThan(1000);
  });
});
