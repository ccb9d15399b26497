/**
 * The 一户一表 page's export through the sheet service and its worker: every package's PDF and workbook plus the
 * whole draw's PDF written to the chosen folder, progress entity by entity that only moves forward, a cancel, a
 * failed write or a dead thread that leaves no file of the run behind, and nothing in the database changed but the
 * audit row.
 */
import { mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SheetExportProgress } from '@shared/ipc/channels/sheets';
import { writeSheetBatch } from '../../../src-main/sheets/batch';
import { drawOutline } from '../../../src-main/sheets/draw-list';
import { SheetExportJobs } from '../../../src-main/sheets/export-job';
import { loadSheets } from '../../../src-main/sheets/load';
import { sealedDraw, type SealedDraw } from './sealed-draw';

let s: SealedDraw;
beforeAll(async () => {
  s = await sealedDraw();
}, 120_000);
afterAll(() => s.c.close());

const folder = () => mkdtempSync(join(tmpdir(), 'ssj-sheets-'));
const tokenOf = (dir: string) => s.c.services.files.issue(dir, 'folder').token;
let jobs = 0;
const jobId = () => `job-${++jobs}`;

/** Rows per table, the audit log aside: an export must change none of them. */
function tableCounts(): Record<string, number> {
  const raw = s.c.conn.raw;
  const tables = raw
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'audit_log'")
    .pluck()
    .all() as string[];
  return Object.fromEntries(tables.map((t) => [t, raw.prepare(`SELECT count(*) FROM "${t}"`).pluck().get() as number]));
}
const exportAudits = () =>
  s.c.conn.raw.prepare("SELECT detail FROM audit_log WHERE action = 'sheets:export'").pluck().all() as string[];

describe('sheets:export — written', () => {
  it('lists the sealed draw with its packages, entity counts and teams', () => {
    const [view] = s.c.services.sheets.draws();
    const draw = loadSheets(s.c.conn.raw, s.drawId);
    expect(view).toMatchObject({ drawId: s.drawId, taskId: s.taskId, taskNumber: draw.taskNumber, year: 2026 });
    expect(view.packages.map((p) => [p.no, p.entities])).toEqual(draw.packages.map((p) => [p.no, p.entities.length]));
    expect(view.entities).toBe(draw.packages.reduce((n, p) => n + p.entities.length, 0));
    expect(view.packages[0].team.map((m) => m.name)).toEqual(draw.packages[0].team.map((m) => m.name));
  });

  it('writes per package a PDF and a workbook, then the whole PDF, with progress that only moves forward', async () => {
    const dir = folder();
    const before = tableCounts();
    const events: SheetExportProgress[] = [];
    const id = jobId();
    const result = await s.c.services.sheets.export(
      { drawId: s.drawId, folderToken: tokenOf(dir), format: 'both', jobId: id },
      (p) => events.push(p),
    );
    const draw = loadSheets(s.c.conn.raw, s.drawId);
    const base = `一户一表-${draw.taskNumber}`;
    const expected = [
      ...draw.packages.flatMap((p) => [`${base}-第${p.no}包.pdf`, `${base}-第${p.no}包.xlsx`]),
      `${base}-全部.pdf`,
    ];
    expect(result).toMatchObject({ outcome: 'done', files: expected, removed: 0 });
    expect(readdirSync(dir).sort()).toEqual([...expected].sort());

    expect(events[0]).toMatchObject({ filesDone: 0, filesTotal: expected.length, percent: 0, running: true });
    for (const [a, b] of events.slice(1).map((e, i) => [events[i], e])) {
      expect(b.filesDone).toBeGreaterThanOrEqual(a.filesDone);
      expect(b.entitiesDone).toBeGreaterThanOrEqual(a.entitiesDone);
      expect(b.percent).toBeGreaterThanOrEqual(a.percent);
    }
    const last = events.at(-1)!;
    expect(last).toMatchObject({ filesDone: expected.length, percent: 100, current: null });
    expect(last.entitiesDone).toBe(last.entitiesTotal);
    expect(s.c.services.sheets.exportProgress(id)).toMatchObject({ running: false, filesDone: expected.length });

    expect(tableCounts()).toEqual(before);
    expect(exportAudits().map((d) => JSON.parse(d) as unknown)).toEqual([
      { format: 'both', folder: dir.split('/').at(-1), files: expected },
    ]);
  }, 180_000);

  it('refuses a folder that already holds these files, writing nothing', async () => {
    const dir = folder();
    await s.c.services.sheets.export({ drawId: s.drawId, folderToken: tokenOf(dir), format: 'xlsx', jobId: jobId() });
    const files = readdirSync(dir);
    await expect(
      s.c.services.sheets.export({ drawId: s.drawId, folderToken: tokenOf(dir), format: 'both', jobId: jobId() }),
    ).rejects.toMatchObject({
      code: 'sheets.filesExist',
      message: expect.stringContaining('为免覆盖，未写入任何文件'),
    });
    expect(readdirSync(dir)).toEqual(files);
  }, 120_000);
});

describe('sheets:export — stopped', () => {
  it('reports every entity in order, and a cancel inside the combined PDF stops within an entity and leaves no file', async () => {
    const dir = folder();
    const audits = exportAudits().length;
    const id = jobId();
    const events: SheetExportProgress[] = [];
    let asked: { cancelled: boolean } | undefined;
    let atCancel: { entitiesDone: number; files: string[] } | undefined;
    const result = await s.c.services.sheets.export(
      { drawId: s.drawId, folderToken: tokenOf(dir), format: 'pdf', jobId: id },
      (p) => {
        events.push(p);
        if (asked || p.entitiesDone < p.entitiesTotal / 2) return;
        atCancel = { entitiesDone: p.entitiesDone, files: readdirSync(dir) };
        asked = s.c.services.sheets.exportCancel(id);
      },
    );
    expect(await asked).toEqual({ cancelled: true });
    const done = events.map((e) => e.entitiesDone);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    // One event per entity drawn: 0, 1, 2, … with the package files' events between them.
    expect([...new Set(done)]).toEqual(Array.from({ length: done.at(-1)! + 1 }, (_, i) => i));
    // The combined PDF was on disk, half made under its temp name, when the cancel was asked; it stopped well before
    // the last entity.
    const draw = loadSheets(s.c.conn.raw, s.drawId);
    expect(atCancel!.files).toContainEqual(
      expect.stringMatching(new RegExp(`^~一户一表-${draw.taskNumber}-全部\\.pdf\\..*\\.tmp$`)),
    );
    expect(done.at(-1)!).toBeLessThanOrEqual(atCancel!.entitiesDone + 2);
    expect(done.at(-1)!).toBeLessThan(events[0].entitiesTotal);
    expect(result).toMatchObject({ outcome: 'cancelled', files: [] });
    expect(result.removed).toBeGreaterThanOrEqual(atCancel!.files.length);
    expect(readdirSync(dir)).toEqual([]);
    expect(exportAudits()).toHaveLength(audits);
    expect(await s.c.services.sheets.exportCancel(id)).toEqual({ cancelled: false });
  }, 120_000);

  it('says in Chinese when the export thread dies, and removes the files of the run', async () => {
    const dir = folder();
    const jobs = new SheetExportJobs();
    const request = { jobId: jobId(), dbPath: s.c.path, drawId: s.drawId, dir, format: 'both' as const };
    const run = jobs.run(request, drawOutline(s.c.conn.raw, s.drawId), (p) => {
      if (p.filesDone === 2) void jobs.close();
    });
    await expect(run).rejects.toMatchObject({
      code: 'sheets.exportFailed',
      message: expect.stringMatching(/^导出一户一表的线程意外中止（.*）。本次已写入的文件已全部删除，请重新导出。$/),
    });
    expect(readdirSync(dir)).toEqual([]);
  }, 120_000);

  it('says 内存不足 when the export thread runs out of its heap', async () => {
    const jobs = new SheetExportJobs(4);
    const request = { jobId: jobId(), dbPath: s.c.path, drawId: s.drawId, dir: folder(), format: 'pdf' as const };
    await expect(jobs.run(request, drawOutline(s.c.conn.raw, s.drawId), () => {})).rejects.toMatchObject({
      code: 'sheets.exportFailed',
      message: expect.stringContaining('导出一户一表的线程意外中止（内存不足）'),
    });
    await jobs.close();
  }, 120_000);
});

describe('sheets:export — failed or refused', () => {
  it('removes the files of the run when a write fails, and says which file', async () => {
    const dir = folder();
    const draw = loadSheets(s.c.conn.raw, s.drawId);
    // Something takes the second file's name after the check: its write fails, the first file goes too.
    const run = writeSheetBatch(draw, dir, 'xlsx', {
      cancelled: () => false,
      onProgress: (p) => {
        if (p.filesDone === 1) mkdirSync(join(dir, p.current!));
      },
    });
    await expect(run).rejects.toMatchObject({
      code: 'sheets.writeFailed',
      message: expect.stringMatching(
        /^写入「一户一表-.*-第\d+包\.xlsx」失败（文件夹中已有同名文件）。本次已写入的文件已全部删除/,
      ),
    });
    expect(readdirSync(dir)).toEqual([`一户一表-${draw.taskNumber}-第${draw.packages[1].no}包.xlsx`]);
  }, 120_000);

  it('refuses a token that was not issued for a folder', async () => {
    const fileToken = s.c.services.files.issue(join(folder(), 'x.xlsx'), 'save').token;
    await expect(
      s.c.services.sheets.export({ drawId: s.drawId, folderToken: fileToken, format: 'pdf', jobId: jobId() }),
    ).rejects.toMatchObject({ code: 'file.tokenMismatch', message: '请选择保存文件的文件夹。' });
  });

  it('refuses a draw that is not sealed before any work starts', async () => {
    const revealed = await s.c.revealed('尚未封存的任务');
    const dir = folder();
    await expect(
      s.c.services.sheets.export({ drawId: revealed, folderToken: tokenOf(dir), format: 'pdf', jobId: jobId() }),
    ).rejects.toMatchObject({ code: 'sheets.notSealed' });
    expect(readdirSync(dir)).toEqual([]);
    expect(s.c.services.sheets.draws().map((d) => d.drawId)).toEqual([s.drawId]);
  }, 60_000);
});
