/**
 * A second thread that reads filled workbooks: exceljs's load is most of an import's time and runs on one core, so
 * the import worker reads every other file here while it reads the rest itself. Parsing needs no database.
 */
import { AppError } from '@shared/errors';
import type { ParsedWorkbook } from '../sheets/xlsx-read';
import { startWorker, workerEntry } from '../workers/start';
import { WorkerRpc } from '../workers/worker-rpc';

/** Below this many files a second thread would cost more to start than it saves. */
export const SECOND_READER_FROM = 8;

export interface WorkbookReadRequest {
  path: string;
  file: string;
}

/** Reads one file to what `parseFilledWorkbook` returns. */
export type ParseWorkbook = (path: string, file: string) => Promise<ParsedWorkbook>;

export class WorkbookReader {
  private readonly rpc = new WorkerRpc<WorkbookReadRequest, ParsedWorkbook>(
    () => startWorker(workerEntry(__dirname, 'workbook-reader-worker'), {}, undefined),
    (why) =>
      new AppError('result.importFailed', `读取工作簿的线程意外中止（${why}），数据库未作任何修改，请重新导入。`),
  );

  parse: ParseWorkbook = (path, file) => this.rpc.call({ path, file });

  close(): Promise<void> {
    return this.rpc.close();
  }
}

/**
 * Parses `paths` with `local` and, when given, `second` pulling from one queue; the results keep the paths' order.
 * `onFile(done)` runs as each file starts (it may throw to stop, e.g. on a cancel).
 */
export async function parseInTurn(
  paths: readonly string[],
  fileName: (path: string) => string,
  local: ParseWorkbook,
  second: ParseWorkbook | null,
  onFile?: (done: number) => void,
): Promise<ParsedWorkbook[]> {
  const parsed: ParsedWorkbook[] = new Array<ParsedWorkbook>(paths.length);
  let next = 0;
  let done = 0;
  const consume = async (parse: ParseWorkbook, yieldBetween: boolean) => {
    while (next < paths.length) {
      const i = next++;
      onFile?.(done);
      parsed[i] = await parse(paths[i], fileName(paths[i]));
      done++;
      if (yieldBetween) await new Promise((resolve) => setImmediate(resolve));
    }
  };
  await Promise.all([consume(local, true), ...(second ? [consume(second, false)] : [])]);
  onFile?.(paths.length);
  return parsed;
}
