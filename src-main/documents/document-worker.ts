/** Worker-thread side of document-job.ts: runs one renderer of src-main/documents per request. */
import { AppError } from '@shared/errors';
import * as documents from './';
import type { DocumentRequest } from './job';
import { serveRequests } from '../workers/worker-rpc';

serveRequests<DocumentRequest, Uint8Array>(
  async ({ renderer, data }) => {
    const bytes = await (documents[renderer] as (data: unknown) => Promise<Buffer>)(data);
    // A copy the size of the file, so the transfer hands over exactly these bytes (not a pooled buffer's slab).
    const own = new Uint8Array(bytes);
    return { value: own, transfer: [own.buffer] };
  },
  (error) =>
    new AppError(
      'documents.renderFailed',
      `生成文件时出错，未保存任何文件：${(error as Error)?.message ?? String(error)}`,
    ),
);
