import { Alert, Card, Progress, Steps, Typography } from 'antd';
import type { DrawProgress, DrawView } from '@shared/domain/draws';
import { DrawStepControls, type SealedFiles } from './DrawStepControls';
import { LONG_STEP_LABEL, STEP_ITEMS, stepOf } from './drawSteps';
import type { DrawActions } from './useDrawActions';
import { dateTimeText } from '../../components/dateTime';
import { ErrorAlert } from '../../components/ErrorAlert';

/** Where the draw stands (准备 → 封存), what went wrong, the long step's progress, and the next step's button. */
export function DrawStepCard({
  draw,
  loadError,
  actions,
  progress,
  files,
}: {
  draw: DrawView | null | undefined;
  loadError: string | undefined;
  actions: DrawActions;
  progress: DrawProgress | null;
  files: SealedFiles;
}) {
  const step = stepOf(draw ?? null);
  const { error, longStep } = actions;
  return (
    <Card size="small">
      <Steps current={step.current} status={step.status} items={STEP_ITEMS} data-testid="draw-steps" />
      <div style={{ marginTop: 16 }}>
        <ErrorAlert title="无法读取抽取" error={loadError} />
        {error && (
          <Alert
            type="error"
            showIcon
            title={error.title}
            description={error.message}
            style={{ marginBottom: 12 }}
            data-testid="draw-error"
          />
        )}
        {longStep && (
          <div data-testid="draw-progress" style={{ marginBottom: 12 }}>
            <Typography.Text>
              正在{LONG_STEP_LABEL[longStep]}：{progress?.label ?? '开始'}（在后台进行，页面可以继续查看）
            </Typography.Text>
            <Progress
              percent={progress && progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : 0}
              status="active"
            />
          </div>
        )}
        {draw?.state === 'voided' && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 12 }}
            data-testid="draw-voided"
            title={`第 ${draw.attempt} 次抽取已作废`}
            description={`${draw.voided!.reason}（${draw.voided!.voidedBy} 于 ${dateTimeText(draw.voided!.voidedAt)} 作废）。作废记录和承诺值保留在操作日志和下一次抽取的输入中。`}
          />
        )}
        <DrawStepControls draw={draw} actions={actions} files={files} />
      </div>
    </Card>
  );
}
