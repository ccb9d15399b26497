/**
 * Writes a 公示包: everything goes into a new folder beside the chosen one and is renamed into place at the end, so the
 * chosen folder holds the whole package or nothing. The folder must be empty (or not yet exist): nothing is replaced.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import type { Announcement } from '@shared/domain/disclosure';
import { chinaDate } from '@shared/domain/china-time';
import type { PublishProgress } from '@shared/ipc/channels/publish';
import { AppError, isAppError } from '@shared/errors';
import { renderAnnouncementPdf } from '../disclosure/announcement-pdf';
import { renderAnnouncementXlsx } from '../disclosure/announcement-xlsx';
import { indexHtml, SITE_SCRIPT, SITE_STYLE } from './site-script';
import {
  publishedDraw,
  sealedDrawsOf,
  siteData,
  type PublishedDraw,
  type PublishScope,
  type SiteData,
} from './site-data';

/** The announcements' xlsx and PDF renderers; without them (a quick test) the lists are on the site only. */
export interface ListWriters {
  xlsx(a: Announcement): Promise<Buffer>;
  pdf(a: Announcement): Promise<Buffer>;
}

/** The renderers of the 公示 page (src-main/disclosure), as the worker and the CLI write the lists. */
export const ANNOUNCEMENT_WRITERS: ListWriters = { xlsx: renderAnnouncementXlsx, pdf: renderAnnouncementPdf };

export interface PackageOptions {
  /** The folder holding verify.html. */
  resourcesDir: string;
  writers?: ListWriters;
  now: Date;
  onProgress?: (p: Omit<PublishProgress, 'jobId' | 'running'>) => void;
  cancelled?: () => boolean;
}

export interface PackageOutcome {
  outcome: 'done' | 'cancelled';
  tasks: number;
  entities: number;
  files: string[];
}

/** The folder is empty or absent, and its parent exists to hold the temporary folder beside it. */
export function checkOutFolder(out: string): void {
  if (existsSync(out)) {
    if (!statSync(out).isDirectory()) throw new AppError('publish.folderNotEmpty', `「${basename(out)}」不是文件夹。`);
    if (readdirSync(out).length > 0)
      throw new AppError(
        'publish.folderNotEmpty',
        `所选文件夹「${basename(out)}」不是空的。为免覆盖，公示包只写入空文件夹，未写入任何文件。请另选或新建一个空文件夹。`,
      );
  } else if (!existsSync(dirname(out))) {
    throw new AppError('publish.writeFailed', `「${dirname(out)}」不存在，无法在其中生成公示包。`);
  }
}

/** The proof as a JSON data block: "<" escaped (still the same JSON value) so no text can end the block. */
function verifyPageWithProof(template: string, proofText: string): string {
  const block = `<script type="application/json" id="proof-data" data-name="proof.json">${proofText.replace(/</g, '\\u003c')}</script>`;
  if (!template.includes('<!--PROOF-->')) throw new AppError('app.internal', 'verify.html 缺少抽取记录的位置。');
  return template.replace('<!--PROOF-->', () => block);
}

function siteScript(data: SiteData): string {
  return `window.SSJ_SITE = ${JSON.stringify(data)};\n`;
}

type Put = (name: string, data: string | Buffer) => Promise<void>;

/** A task's folder: its proof, its verify page with the proof in it, and its lists as xlsx and PDF. */
async function writeTask(draw: PublishedDraw, put: Put, template: string, writers: ListWriters | undefined) {
  await put(`${draw.dir}/proof.json`, `${draw.proofText}\n`);
  await put(`${draw.dir}/verify.html`, verifyPageWithProof(template, draw.proofText));
  if (!writers) return;
  const lists = [draw.lists.drawn, draw.lists.results].filter((a) => a !== null);
  for (const announcement of lists) {
    for (const format of ['xlsx', 'pdf'] as const) {
      const name = `${announcement.kind}.${format}`;
      await put(`${draw.dir}/${name}`, await writers[format](announcement));
      draw.files.push({ name, label: `${announcement.kind}（${format === 'xlsx' ? 'Excel' : 'PDF'}）` });
    }
  }
}

async function writeAll(
  raw: BetterSqlite3.Database,
  scope: PublishScope,
  dir: string,
  options: PackageOptions,
): Promise<PackageOutcome> {
  const sealed = sealedDrawsOf(raw, scope);
  const template = readFileSync(join(options.resourcesDir, 'verify.html'), 'utf8');
  const files: string[] = [];
  const put: Put = async (name, data) => {
    await mkdir(dirname(join(dir, name)), { recursive: true });
    await writeFile(join(dir, name), data, { encoding: 'utf8', flag: 'wx' });
    files.push(name);
  };
  const today = chinaDate(options.now);
  const total = sealed.length + 1;
  const draws = [];
  for (const [index, { taskId, drawId }] of sealed.entries()) {
    if (options.cancelled?.()) return { outcome: 'cancelled', tasks: 0, entities: 0, files: [] };
    const draw = publishedDraw(raw, taskId, drawId, today);
    options.onProgress?.({ done: index, total, percent: Math.floor((index * 100) / total), current: draw.dir });
    await writeTask(draw, put, template, options.writers);
    draws.push(draw);
  }
  const data = siteData(raw, draws, options.now);
  await put('data/site.js', siteScript(data));
  await put('assets/search.js', SITE_SCRIPT);
  await put('assets/site.css', SITE_STYLE);
  await put('verify.html', template);
  await put('index.html', indexHtml());
  const entities = data.tasks.reduce((n, t) => n + t.strata.reduce((m, s) => m + s.candidates, 0), 0);
  options.onProgress?.({ done: total, total, percent: 100, current: null });
  return { outcome: 'done', tasks: data.tasks.length, entities, files };
}

/** Builds the package of `scope` into `out` (empty or absent); refusals leave the disk as it was. */
export async function writePackage(
  raw: BetterSqlite3.Database,
  scope: PublishScope,
  out: string,
  options: PackageOptions,
): Promise<PackageOutcome> {
  checkOutFolder(out);
  sealedDrawsOf(raw, scope);
  const temp = await mkdtemp(join(dirname(out), `.${basename(out)}-生成中-`));
  try {
    const outcome = await writeAll(raw, scope, temp, options);
    if (outcome.outcome === 'cancelled') {
      await rm(temp, { recursive: true, force: true });
      return outcome;
    }
    checkOutFolder(out);
    if (existsSync(out)) await rmdir(out);
    await rename(temp, out);
    return outcome;
  } catch (error) {
    await rm(temp, { recursive: true, force: true });
    if (isAppError(error)) throw error;
    throw new AppError(
      'publish.writeFailed',
      `生成公示包时出错，未写入任何文件：${(error as Error)?.message ?? String(error)}`,
    );
  }
}
