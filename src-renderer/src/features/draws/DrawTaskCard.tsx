import { Button, Card, Descriptions, Space, Tag } from 'antd';
import { DesktopOutlined, StopOutlined } from '@ant-design/icons';
import type { DrawView } from '@shared/domain/draws';
import { describeTask, type TaskView } from '@shared/domain/tasks';

/** The task being drawn, the draw's state, the projector button and 作废 while the draw is not sealed. */
export function DrawTaskCard({
  task,
  draw,
  canVoid,
  busy,
  onProjector,
  onVoid,
}: {
  task: TaskView;
  draw: DrawView | null | undefined;
  canVoid: boolean;
  busy: boolean;
  onProjector: () => void;
  onVoid: () => void;
}) {
  const text = describeTask(task);
  return (
    <Card
      size="small"
      title={
        <Space>
          <span data-testid="draw-task-number">{task.number}</span>
          <span>{task.name}</span>
          {draw && (
            <Tag
              color={draw.state === 'voided' ? 'red' : draw.state === 'sealed' ? 'green' : 'blue'}
              data-testid="draw-state"
            >
              {draw.stateLabel}
            </Tag>
          )}
        </Space>
      }
      extra={
        <Space>
          <Button icon={<DesktopOutlined />} onClick={onProjector} data-testid="ceremony-open">
            打开投影画面
          </Button>
          {canVoid && (
            <Button danger icon={<StopOutlined />} disabled={busy} onClick={onVoid} data-testid="draw-void">
              作废本次抽取
            </Button>
          )}
        </Space>
      }
    >
      <Descriptions size="small" column={2}>
        <Descriptions.Item label="检查主体">{text.inspectingBody}</Descriptions.Item>
        <Descriptions.Item label="开展时间">{text.period}</Descriptions.Item>
        <Descriptions.Item label="检查事项">{task.items.map((i) => i.name).join('、')}</Descriptions.Item>
        <Descriptions.Item label="抽查比例">{text.ratio}</Descriptions.Item>
        <Descriptions.Item label="检查对象范围" span={2}>
          {text.scope}
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
