import { Typography } from 'antd';
import { jobPercent } from '@shared/domain/job-count';
import type { ResultImportProgress } from '@shared/ipc/channels/results';
import { JobProgressBar } from '../../components/JobProgressBar';
import type { ImportJobState } from './useImportJob';

const STEP_TEXT: Record<ResultImportProgress['step'], (done: number, total: number) => string> = {
  read: (done, total) => `正在读取工作簿：已读 ${done}/${total} 个`,
  check: (done, total) => `正在检查工作表：已检查 ${done}/${total} 张`,
  write: (done, total) => `正在写入检查结果：已写入 ${done}/${total} 张`,
};

/** The preview or confirm under way: its step with a bar, and 取消 for a preview (a confirm ends in a moment). */
export function ImportRunning({
  job,
  progress,
  onCancel,
}: {
  job: ImportJobState;
  progress: ResultImportProgress | null;
  onCancel(): void;
}) {
  const starting = job.kind === 'preview' ? '正在准备读取工作簿…' : '正在准备写入…';
  return (
    <div data-testid="import-running">
      <JobProgressBar
        percent={jobPercent(progress)}
        width={800}
        cancelling={job.cancelling}
        onCancel={job.kind === 'preview' ? onCancel : undefined}
        cancelTestId="import-cancel"
        progressTestId="import-progress"
        style={{ width: '100%' }}
      />
      <Typography.Text type="secondary" data-testid="import-progress-text">
        {progress ? STEP_TEXT[progress.step](progress.done, progress.total) : starting}
        {job.cancelling && '（将在当前工作簿或工作表之后停止，不写入任何内容）'}
      </Typography.Text>
    </div>
  );
}
