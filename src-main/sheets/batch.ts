/**
 * A whole draw's sheets written to a folder the clerk chose. The PDFs come from one pass (writeSheetPdfs): each
 * package's file and the combined file stream to disk entity by entity, each package's workbook is written as its PDF
 * ends. Progress after every entity; a cancel or a failure stops within one entity and removes every file of the run.
 * Never overwrites: a name already in the folder is refused before anything is written. Files get their names only
 * when all are written (RunFiles).
 */
import type { DrawSheets, SheetPackage } from '@shared/domain/sheets';
import type { SheetExportProgress, SheetFormat } from '@shared/ipc/channels/sheets';
import { AppError, isAppError } from '@shared/errors';
import { outlineOf, sheetFiles, type SheetFile } from './export';
import { writeSheetPdfs } from './pdf-render';
import { checkFolder, RunFiles } from './run-files';
import { renderPackageWorkbook } from './xlsx-write';

export type BatchProgress = Omit<SheetExportProgress, 'jobId' | 'running'>;

export interface BatchOptions {
  /** Asked after every entity and before every workbook. */
  cancelled(): boolean;
  onProgress(progress: BatchProgress): void;
}

export interface BatchOutcome {
  outcome: 'done' | 'cancelled';
  /** Names of the files written (none when cancelled). */
  files: string[];
  /** Files of this run removed on cancel (those finished and the one being written). */
  removed: number;
}

class Cancelled extends Error {}

/** Where the run stands: files finish in the order of sheetFiles(), entities count as their pages are drawn. */
class Tracker {
  private filesDone = 0;
  private pdf = 0;
  private xlsx = 0;

  constructor(
    private readonly files: readonly SheetFile[],
    private readonly format: SheetFormat,
    private readonly entities: number,
    private readonly report: (p: BatchProgress) => void,
  ) {}

  get current(): string | null {
    return this.files[this.filesDone]?.name ?? null;
  }

  entity(done: number): void {
    this.pdf = done;
    this.emit();
  }

  fileDone(file: SheetFile): void {
    this.filesDone++;
    if (file.kind === 'xlsx') this.xlsx += file.entities;
    this.emit();
  }

  emit(): void {
    const units = (this.format === 'xlsx' ? 0 : this.pdf) + (this.format === 'pdf' ? 0 : this.xlsx);
    const total = this.entities * (this.format === 'both' ? 2 : 1);
    const finished = this.filesDone === this.files.length;
    this.report({
      filesDone: this.filesDone,
      filesTotal: this.files.length,
      entitiesDone: this.format === 'xlsx' ? this.xlsx : this.pdf,
      entitiesTotal: this.entities,
      percent: finished || total === 0 ? 100 : Math.min(99, Math.floor((units * 100) / total)),
      current: this.current,
    });
  }
}

interface Run {
  draw: DrawSheets;
  files: SheetFile[];
  out: RunFiles;
  tracker: Tracker;
  options: BatchOptions;
}

const fileOf = (run: Run, kind: SheetFile['kind'], pkg: SheetPackage | null) =>
  run.files.find((f) => f.kind === kind && f.packageNo === (pkg?.no ?? null));

async function writeWorkbook(run: Run, pkg: SheetPackage): Promise<void> {
  const file = fileOf(run, 'xlsx', pkg);
  if (!file) return;
  if (run.options.cancelled()) throw new Cancelled();
  await run.out.write(file.name, await renderPackageWorkbook(run.draw, pkg));
  run.tracker.fileDone(file);
}

async function writePdfs(run: Run): Promise<void> {
  const whole = fileOf(run, 'pdf', null)!;
  await writeSheetPdfs(
    run.draw,
    { package: (pkg) => run.out.stream(fileOf(run, 'pdf', pkg)!.name), draw: run.out.stream(whole.name) },
    {
      onEntity(done) {
        run.out.check();
        if (run.options.cancelled()) throw new Cancelled();
        run.tracker.entity(done);
      },
      async onPackage(pkg) {
        const file = fileOf(run, 'pdf', pkg)!;
        await run.out.close(file.name);
        run.tracker.fileDone(file);
        await writeWorkbook(run, pkg);
      },
    },
  );
  await run.out.close(whole.name);
  run.tracker.fileDone(whole);
}

export async function writeSheetBatch(
  draw: DrawSheets,
  dir: string,
  format: SheetFormat,
  options: BatchOptions,
): Promise<BatchOutcome> {
  const files = sheetFiles(outlineOf(draw), format);
  checkFolder(
    dir,
    files.map((f) => f.name),
  );
  const entities = draw.packages.reduce((n, p) => n + p.entities.length, 0);
  const tracker = new Tracker(files, format, entities, options.onProgress);
  const run: Run = { draw, files, out: new RunFiles(dir), tracker, options };
  run.tracker.emit();
  try {
    if (format === 'xlsx') for (const pkg of draw.packages) await writeWorkbook(run, pkg);
    else await writePdfs(run);
    await run.out.finish();
  } catch (error) {
    const current = run.tracker.current;
    const removed = await run.out.removeAll();
    if (error instanceof Cancelled) return { outcome: 'cancelled', files: [], removed };
    if (isAppError(error)) throw error;
    throw new AppError(
      'sheets.exportFailed',
      `生成「${current}」时出错，本次已写入的文件已全部删除：${(error as Error)?.message ?? String(error)}`,
    );
  }
  return { outcome: 'done', files: files.map((f) => f.name), removed: 0 };
}
