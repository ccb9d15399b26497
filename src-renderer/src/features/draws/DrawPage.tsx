import { useState } from 'react';
import { Alert, Card, Empty, Select, Space, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { api } from '../../api';
import { useApiCall } from '../../components/useApiCall';
import { DrawPanel } from './DrawPanel';
import { JointVisits } from './JointVisits';

async function tasksByPlan() {
  const plans = await api()['plans:list']({});
  const tasks = await Promise.all(plans.map((p) => api()['tasks:list']({ planId: p.id })));
  return plans.map((plan, i) => ({ plan, tasks: tasks[i] }));
}

/** 随机抽取: pick a task of a plan (?task=ID), then run its draw; joint-visit proposals of the task's year below. */
export function DrawPage() {
  const [params, setParams] = useSearchParams();
  const taskId = Number(params.get('task')) || null;
  const [version, setVersion] = useState(0);
  // Again when the task changes: it may have been created since the list was read.
  const { data, error } = useApiCall(tasksByPlan, [version, taskId]);
  const task = data?.flatMap((g) => g.tasks).find((t) => t.id === taskId) ?? null;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="draw-page">
      <Card size="small">
        <Space wrap>
          <Typography.Text strong>抽查任务</Typography.Text>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: 640 }}
            placeholder="选择要抽取的抽查任务"
            value={taskId ?? undefined}
            onChange={(id: number) => setParams({ task: String(id) })}
            options={(data ?? []).map(({ plan, tasks }) => ({
              label: `${plan.year} 年 · ${plan.title}${plan.version === 0 ? '（草稿，公示后才能抽取）' : ''}`,
              options: tasks.map((t) => ({ value: t.id, label: `${t.number} ${t.name}（${t.drawStatus}）` })),
            }))}
            data-testid="draw-task-select"
          />
        </Space>
        {error && (
          <Alert style={{ marginTop: 12 }} type="error" showIcon title="无法读取抽查任务" description={error} />
        )}
      </Card>
      {task ? (
        <DrawPanel key={task.id} task={task} onChanged={() => setVersion((v) => v + 1)} />
      ) : (
        data && (
          <Card>
            <Empty
              description={
                data.length === 0 ? '还没有年度抽查计划，请先在“年度抽查计划”中编制并公示。' : '请选择一个抽查任务'
              }
            />
          </Card>
        )
      )}
      {task && <JointVisits year={task.year} version={version} />}
    </Space>
  );
}
