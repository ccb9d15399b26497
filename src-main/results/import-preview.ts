/**
 * Importing filled workbooks from the page: the preview reads the chosen files and reports what entering them would
 * do, writing nothing; the confirmation enters exactly the sheets that preview read, without reading the files again.
 */
import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { AppError } from '@shared/errors';
import type { ServiceContext } from '../app/context';
import type { FileTokens } from '../app/file-tokens';
import { enterResultFiles, readResultFiles, type FileImportReport, type ReadResultFiles } from './import-files';

/** Previews kept for confirmation: the clerk's latest few (each holds the read sheets, not the files). */
const KEPT_PREVIEWS = 4;

export function createImportPreviews(raw: BetterSqlite3.Database, ctx: ServiceContext, files: FileTokens) {
  const previews = new Map<string, ReadResultFiles>();

  function choose() {
    return files.chooseMany({
      title: '选择填好的一户一表（可多选）',
      filters: [{ name: 'Excel 工作簿', extensions: ['xlsx'] }],
    });
  }

  async function preview(tokens: readonly string[]): Promise<{ previewId: string; report: FileImportReport }> {
    const paths = tokens.map((t) => files.resolve(t, 'open'));
    const read = await readResultFiles(raw, paths, { fileName: basename });
    const previewId = randomUUID();
    previews.set(previewId, read);
    for (const id of [...previews.keys()].slice(0, -KEPT_PREVIEWS)) previews.delete(id);
    return { previewId, report: enterResultFiles(raw, ctx, read, { dryRun: true }) };
  }

  function confirm(previewId: string): FileImportReport {
    const read = previews.get(previewId);
    if (!read) throw new AppError('result.previewExpired', '导入预览已失效，请重新选择文件并预览。');
    const report = enterResultFiles(raw, ctx, read, { dryRun: false });
    previews.delete(previewId);
    return report;
  }

  return { choose, preview, confirm };
}
