import { useState } from 'react';
import { Descriptions, Empty, Select, Space, Spin, Typography } from 'antd';
import type { TaskAnnouncement, TaskAnnouncementRow } from '@shared/domain/disclosure';
import type { DisclosureTaskView } from '@shared/ipc/channels/disclosure';
import { api } from '../../api';
import { useApiCall } from '../../components/useApiCall';
import { AnnouncementActions } from './AnnouncementActions';
import { AnnouncementTable } from './AnnouncementTable';
import { ErrorAlert } from '../../components/ErrorAlert';

/** The tasks with a sealed draw, by number and name. */
export function TaskSelect(props: {
  tasks?: DisclosureTaskView[];
  value?: number;
  onChange(taskId: number): void;
  testId: string;
}) {
  return (
    <Select
      style={{ width: 440 }}
      aria-label="抽查任务"
      placeholder="选择已封存抽取的抽查任务"
      value={props.value}
      onChange={props.onChange}
      options={(props.tasks ?? []).map((t) => ({ value: t.taskId, label: `${t.taskNumber} ${t.taskName}` }))}
      data-testid={props.testId}
    />
  );
}

/** 抽查任务公告: choose a task with a sealed draw, preview its announcement, publish and export it. */
export function TaskAnnouncementTab({ tasks, onChanged }: { tasks?: DisclosureTaskView[]; onChanged(): void }) {
  const [taskId, setTaskId] = useState<number>();
  const { data, error, loading, reload } = useApiCall(
    () => (taskId ? api()['disclosure:task-preview']({ taskId }) : Promise.resolve(undefined)),
    [taskId],
  );
  const publish = async () => {
    await api()['disclosure:publish-task']({ taskId: taskId! });
    reload();
    onChanged();
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Space wrap>
        <Typography.Text>抽查任务：</Typography.Text>
        <TaskSelect tasks={tasks} value={taskId} onChange={setTaskId} testId="disclosure-task" />
      </Space>
      {error && <ErrorAlert title="不能生成抽查任务公告" error={error} />}
      {!taskId && <Empty description="请选择抽查任务，预览其抽查任务公告" />}
      {taskId && loading && !data && <Spin />}
      {data && (
        <>
          <AnnouncementActions
            announcement={data}
            target={{ taskId: data.task.taskId }}
            publish={publish}
            publishBlocked={data.published ? `已于此前公示（第${data.serial}号），不再重复公示。` : undefined}
          />
          <TaskPreview a={data} />
        </>
      )}
    </Space>
  );
}

const LIST_COLUMNS = [
  { title: '序号', dataIndex: 'seq', width: 70 },
  { title: '市场主体名称', dataIndex: 'name' },
  { title: '统一社会信用代码/注册号', dataIndex: 'code', width: 220 },
  { title: '管辖单位', dataIndex: 'office', width: 180 },
];

function TaskPreview({ a }: { a: TaskAnnouncement }) {
  const t = a.task;
  return (
    <div data-testid="task-announcement">
      <Typography.Title level={4} style={{ textAlign: 'center' }} data-testid="announcement-title">
        {a.title}
      </Typography.Title>
      <Descriptions size="small" bordered column={2}>
        <Descriptions.Item label="抽查计划编号">{t.planNumber}</Descriptions.Item>
        <Descriptions.Item label="抽查计划名称">{t.planName}</Descriptions.Item>
        <Descriptions.Item label="抽查任务编号">{t.taskNumber}</Descriptions.Item>
        <Descriptions.Item label="抽查任务名称">{t.taskName}</Descriptions.Item>
        <Descriptions.Item label="抽查类型">{t.drawKind}</Descriptions.Item>
        <Descriptions.Item label="抽查市场主体数量">{t.entityCount}户</Descriptions.Item>
        <Descriptions.Item label="抽查事项" span={2}>
          {t.items.join('；')}
        </Descriptions.Item>
        <Descriptions.Item label="抽查对象范围" span={2}>
          {t.scope}
        </Descriptions.Item>
        <Descriptions.Item label="检查日期">
          {t.startDate} 至 {t.endDate}
        </Descriptions.Item>
        <Descriptions.Item label="检查机关">
          {t.bureauName}
          {t.joiningDepartments.length > 0 && `（联合部门：${t.joiningDepartments.join('、')}）`}
        </Descriptions.Item>
      </Descriptions>
      <AnnouncementTable<TaskAnnouncementRow>
        style={{ marginTop: 12 }}
        rowKey="seq"
        dataSource={a.rows}
        columns={LIST_COLUMNS}
      />
      <Descriptions size="small" bordered column={1} title="抽取验证信息">
        <Descriptions.Item label="输入摘要">
          <Typography.Text code copyable data-testid="announcement-digest">
            {a.draw.inputDigest}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label="种子">
          <Typography.Text code copyable>
            {a.draw.seed}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label="验证方法">{a.draw.howToVerify}</Descriptions.Item>
      </Descriptions>
    </div>
  );
}
