import { useEffect } from 'react';
import { App, Button, Typography } from 'antd';
import { formatCount } from '@shared/domain/counts';
import { jobPercent } from '@shared/domain/job-count';
import { FileExcelOutlined } from '@ant-design/icons';
import { api } from '../../api';
import { saveThroughDialog } from '../../components/files';
import { JobProgressBar } from '../../components/JobProgressBar';
import { useCountedJob, type CountedJobCalls } from '../../components/useCountedJob';
import type { AuditFilter } from './AuditFilters';

const EXPORT_CALLS: CountedJobCalls = {
  progress: (jobId) => api()['audit:export-progress']({ jobId }),
  cancel: (jobId) => api()['audit:export-cancel']({ jobId }),
  cancelledCode: 'audit.exportCancelled',
};

type Exported = { fileName: string; rows: number } | null;

/** 导出（Excel）of the rows the filters match, written off the main process with its count and 取消 while it runs. */
export function AuditExport({ filter, total }: { filter: AuditFilter; total: number | undefined }) {
  const { message } = App.useApp();
  const job = useCountedJob<Exported>(
    EXPORT_CALLS,
    (done) => done && message.success(`已导出 ${formatCount(done.rows)} 条操作记录：${done.fileName}`),
    (cancelled) => message.info(cancelled),
  );
  const { state } = job;
  const failed = state.phase === 'failed' ? state.message : null;
  useEffect(() => {
    if (failed) message.error(failed);
  }, [failed, message]);
  const start = () =>
    job.start((jobId) =>
      saveThroughDialog('export', '操作日志.xlsx', (fileToken) =>
        api()['audit:export']({ ...filter, fileToken, jobId }),
      ),
    );
  if (state.phase !== 'running') {
    return (
      <Button icon={<FileExcelOutlined />} disabled={!total} onClick={() => void start()} data-testid="audit-export">
        导出（Excel）
      </Button>
    );
  }
  const done = state.progress?.done ?? 0;
  // The job's total is 0 until its thread has counted the rows: the page's own count stands in meanwhile.
  const all = state.progress?.total || total || 0;
  return (
    <JobProgressBar
      percent={jobPercent({ done, total: all })}
      width={120}
      small
      cancelling={state.cancelling}
      onCancel={() => void job.cancel()}
      cancelTestId="audit-export-cancel"
      testId="audit-export-progress"
    >
      <Typography.Text type="secondary">
        正在导出：已写入 {formatCount(done)} / {formatCount(all)} 条
      </Typography.Text>
    </JobProgressBar>
  );
}
