/**
 * The printed documents rendered in a worker thread: laying out the 随机抽取情况记录表 part two of a city-scale draw
 * takes pdfmake long enough (docs/performance.md) that on the main process it would stall every window's IPC for as
 * long. The worker (document-worker.ts, loaded like the other workers: see import-job.ts) is started on
 * the first export and kept; each call sends the document's data and gets the file's bytes back (transferred).
 */
import { AppError } from '@shared/errors';
import { startWorker, workerEntry } from '../workers/start';
import { WorkerRpc } from '../workers/worker-rpc';
import type * as Documents from './';

/** The renderers the worker runs: every export of src-main/documents that takes data and returns bytes. */
export type RendererName =
  'renderPlanPdf' | 'renderPlanXlsx' | 'renderDrawRecordCommitPdf' | 'renderDrawRecordResultPdf';

export interface DocumentRequest {
  renderer: RendererName;
  data: unknown;
}

type Renderers = { [K in RendererName]: (typeof Documents)[K] };

export class DocumentJobs {
  private readonly rpc = new WorkerRpc<DocumentRequest, Uint8Array>(
    () => startWorker(workerEntry(__dirname, 'document-worker'), {}, undefined),
    (why) => new AppError('documents.renderFailed', `生成文件的线程意外中止,未保存任何文件:${why}`),
  );

  /** The renderers of src-main/documents, each running in the worker. */
  readonly renderers: Renderers = {
    renderPlanPdf: (data) => this.render('renderPlanPdf', data),
    renderPlanXlsx: (data) => this.render('renderPlanXlsx', data),
    renderDrawRecordCommitPdf: (data) => this.render('renderDrawRecordCommitPdf', data),
    renderDrawRecordResultPdf: (data) => this.render('renderDrawRecordResultPdf', data),
  };

  async render(renderer: RendererName, data: unknown): Promise<Buffer> {
    const bytes = await this.rpc.call({ renderer, data });
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  close(): Promise<void> {
    return this.rpc.close();
  }
}
