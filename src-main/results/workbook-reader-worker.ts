/** Worker-thread side of workbook-reader.ts: parses one filled workbook per request. */
import { AppError } from '@shared/errors';
import { parseFilledWorkbook, type ParsedWorkbook } from '../sheets/xlsx-read';
import { serveRequests } from '../workers/worker-rpc';
import type { WorkbookReadRequest } from './workbook-reader';

serveRequests<WorkbookReadRequest, ParsedWorkbook>(
  async ({ path, file }) => ({ value: await parseFilledWorkbook(path, { file }) }),
  (error) => {
    console.error('workbook reader failed:', error);
    return new AppError('result.importFailed', '读取工作簿时发生程序内部错误，数据库未作任何修改，请重新导入。');
  },
);
