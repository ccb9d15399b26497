/**
 * Printed documents are rendered in a worker thread: a city-scale record's part two keeps pdfmake busy long enough
 * (docs/performance.md) to stall every window's IPC on the main process. Started on the first export and kept.
 */
import { AppError } from '@shared/errors';
import { startWorker, workerEntry } from '../workers/start';
import { WorkerRpc } from '../workers/worker-rpc';
import type * as Documents from './';

/** The renderers the worker runs: every export of src-main/documents that takes data and returns bytes. */
export type RendererName =
  | 'renderPlanPdf'
  | 'renderPlanXlsx'
  | 'renderDrawRecordCommitPdf'
  | 'renderDrawRecordResultPdf'
  | 'renderAnnouncementPdf'
  | 'renderAnnouncementXlsx'
  | 'renderStatsPdf'
  | 'renderStatsXlsx';

export interface DocumentRequest {
  renderer: RendererName;
  data: unknown;
}

type Renderers = { [K in RendererName]: (typeof Documents)[K] };

export class DocumentJobs {
  private readonly rpc = new WorkerRpc<DocumentRequest, Uint8Array>(
    () => startWorker(workerEntry(__dirname, 'document-worker'), {}, undefined),
    (why) => new AppError('documents.renderFailed', `生成文件的线程意外中止，未保存任何文件：${why}`),
  );

  /** The renderers of src-main/documents, each running in the worker. */
  readonly renderers: Renderers = {
    renderPlanPdf: (data) => this.render('renderPlanPdf', data),
    renderPlanXlsx: (data) => this.render('renderPlanXlsx', data),
    renderDrawRecordCommitPdf: (data) => this.render('renderDrawRecordCommitPdf', data),
    renderDrawRecordResultPdf: (data) => this.render('renderDrawRecordResultPdf', data),
    renderAnnouncementPdf: (data) => this.render('renderAnnouncementPdf', data),
    renderAnnouncementXlsx: (data) => this.render('renderAnnouncementXlsx', data),
    renderStatsPdf: (data) => this.render('renderStatsPdf', data),
    renderStatsXlsx: (data) => this.render('renderStatsXlsx', data),
  };

  async render(renderer: RendererName, data: unknown): Promise<Buffer> {
    const bytes = await this.rpc.call({ renderer, data });
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  close(): Promise<void> {
    return this.rpc.close();
  }
}
