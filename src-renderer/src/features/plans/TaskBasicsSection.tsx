import { Alert, Col, DatePicker, Divider, Form, Input, Row, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import type { PlanView } from '@shared/domain/plans';
import { formatTaskNumber, periodYearProblem, TASK_FIELD_HELP as HELP, type TaskView } from '@shared/domain/tasks';
import { checkRule, crossRule } from '../../components/numberRule';
import { ItemSelect } from './ItemSelect';
import { TaskFieldItem } from './TaskFieldItem';
import { list } from './taskFieldLists';
import type { TaskOptions } from './useTaskOptions';
import { filledRule } from '../../components/filledRule';

/** 基本信息: name, number, items, departments and period (with a warning once the period has ended). */
export function TaskBasicsSection({
  plan,
  task,
  options,
  leadDepartment,
  period,
  ended,
}: {
  plan: PlanView;
  task: TaskView | null;
  options: TaskOptions;
  leadDepartment: string | undefined;
  period: [Dayjs, Dayjs] | null | undefined;
  ended: boolean | null | undefined;
}) {
  const departments = [options.settings.bureauName, ...options.bureauDepartments, ...options.otherAgencies];
  return (
    <>
      <Divider titlePlacement="start">基本信息</Divider>
      <TaskFieldItem label="任务名称" name="name" rules={[filledRule('任务名称不能为空')]}>
        <Input maxLength={100} placeholder="例如：2026年食品经营者双随机抽查" data-testid="task-name" />
      </TaskFieldItem>
      <Form.Item label="任务编号" extra={HELP.number}>
        <Typography.Text strong data-testid="task-number">
          {task
            ? task.number
            : `${formatTaskNumber(options.settings.bureauShortName, plan.year, 0).replace('0号', 'N号')}（保存后生成）`}
        </Typography.Text>
      </Form.Item>
      <TaskFieldItem
        label="检查事项"
        name="itemIds"
        rules={[{ required: true, type: 'array', min: 1, message: '请至少选择一个检查事项' }]}
      >
        <ItemSelect initial={task?.items ?? []} />
      </TaskFieldItem>
      <Row gutter={16}>
        <Col span={12}>
          <TaskFieldItem label="牵头部门" name="leadDepartment" rules={[{ required: true, message: '请选择牵头部门' }]}>
            <Select showSearch options={list(departments)} data-testid="task-lead" />
          </TaskFieldItem>
        </Col>
        <Col span={12}>
          <TaskFieldItem
            label="联合部门（联合抽查）"
            name="joiningDepartments"
            dependencies={['leadDepartment']}
            rules={[
              crossRule((v, field) =>
                Array.isArray(v) && v.includes(field('leadDepartment')) ? '联合部门中不能再包含牵头部门' : null,
              ),
            ]}
          >
            <Select
              mode="multiple"
              allowClear
              options={list(departments.filter((d) => d !== leadDepartment))}
              placeholder="不选表示本部门单独抽查"
              data-testid="task-joining"
            />
          </TaskFieldItem>
        </Col>
      </Row>
      <TaskPeriodRow year={plan.year} period={period} ended={ended} />
    </>
  );
}

function TaskPeriodRow({
  year,
  period,
  ended,
}: {
  year: number;
  period: [Dayjs, Dayjs] | null | undefined;
  ended: boolean | null | undefined;
}) {
  return (
    <>
      <Row gutter={16}>
        <Col span={14}>
          <Form.Item
            label="计划开展时间"
            name="period"
            extra={`${HELP.startDate}${HELP.endDate}`}
            rules={[
              { required: true, message: '请填写开展时间' },
              checkRule((v) => {
                const start = (v as [Dayjs, Dayjs] | null)?.[0];
                return start && start.year() !== year ? periodYearProblem(year) : null;
              }),
            ]}
          >
            <DatePicker.RangePicker style={{ width: '100%' }} className="task-period" />
          </Form.Item>
        </Col>
        <Col span={10}>
          <TaskFieldItem label="抽查频次" name="frequency" rules={[filledRule('请填写抽查频次')]}>
            <Input maxLength={50} />
          </TaskFieldItem>
        </Col>
      </Row>

      {ended && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="task-period-ended"
          title={`开展时间已于 ${period![1].format('YYYY-MM-DD')} 结束：这样的任务不能再抽取。`}
        />
      )}
    </>
  );
}
