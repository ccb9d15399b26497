import { Button, Progress, Space, Typography } from 'antd';
import type { ResultImportProgress } from '@shared/ipc/channels/results';
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
  const percent = progress && progress.total > 0 ? Math.floor((100 * progress.done) / progress.total) : 0;
  const starting = job.kind === 'preview' ? '正在准备读取工作簿…' : '正在准备写入…';
  return (
    <div data-testid="import-running">
      <Space style={{ width: '100%' }} align="center">
        <Progress percent={percent} status="active" style={{ width: 800 }} data-testid="import-progress" />
        {job.kind === 'preview' && (
          <Button danger onClick={onCancel} disabled={job.cancelling} data-testid="import-cancel">
            {job.cancelling ? '正在取消…' : '取消'}
          </Button>
        )}
      </Space>
      <Typography.Text type="secondary" data-testid="import-progress-text">
        {progress ? STEP_TEXT[progress.step](progress.done, progress.total) : starting}
        {job.cancelling && '（将在当前工作簿或工作表之后停止，不写入任何内容）'}
      </Typography.Text>
    </div>
  );
}
