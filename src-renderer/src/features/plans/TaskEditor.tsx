import { Alert, Button, Col, Divider, Drawer, Form, Input, Row, Space } from 'antd';
import type { PlanView } from '@shared/domain/plans';
import type { TaskView } from '@shared/domain/tasks';
import { DrawerFooter } from '../../components/DrawerFooter';
import { ErrorAlert } from '../../components/ErrorAlert';
import { filledRule } from '../../components/filledRule';
import { FrozenScopePanel } from './FrozenScopePanel';
import { ScopePreviewPanel } from './ScopePreviewPanel';
import { TaskBasicsSection } from './TaskBasicsSection';
import { TaskRatioSection } from './TaskRatioSection';
import { TaskScopeSection } from './TaskScopeSection';
import { TaskTeamSection } from './TaskTeamSection';
import type { TaskFormValues } from './taskForm';
import { useTaskEditor } from './useTaskEditor';
import type { TaskOptions } from './useTaskOptions';

/**
 * 抽查任务 editor: every control says what it does in plain Chinese (TASK_FIELD_HELP, shared with the services' messages),
 * and the panel beside the form shows live how many entities are in scope and what each grade will draw; once the
 * task has a draw, it shows what 准备 froze (the draw goes by that, not by today's rosters).
 * On a published plan the change is published at once as the plan's next version, so a reason is required.
 */
export function TaskEditor({
  open,
  plan,
  task,
  options,
  onClose,
  onSaved,
}: {
  open: boolean;
  plan: PlanView;
  task: TaskView | null;
  options: TaskOptions;
  onClose: () => void;
  onSaved: (task: TaskView) => void;
}) {
  const { form, initial, saving, error, save, onFieldsChange, watched, ended, previewRequest } = useTaskEditor(
    open,
    plan,
    task,
    options,
    onSaved,
  );
  const published = plan.version > 0;
  const locked = task !== null && ['已承诺', '已揭晓', '已封存'].includes(task.drawStatus);
  const prepared = task?.drawStatus === '已准备';

  return (
    <Drawer
      open={open}
      size={1240}
      title={task ? `编辑抽查任务 ${task.number}` : `新增抽查任务（${plan.year} 年）`}
      onClose={onClose}
      destroyOnHidden
      data-testid="task-editor"
      footer={
        <DrawerFooter error={<ErrorAlert title="未能保存" error={error} testId="task-error" />} onClose={onClose}>
          <Button type="primary" loading={saving} disabled={locked} onClick={save} data-testid="task-save">
            {published ? '保存并发布新版本' : '保存'}
          </Button>
        </DrawerFooter>
      }
    >
      <Row gutter={24}>
        <Col span={15}>
          <TaskEditorNotice plan={plan} published={published} locked={locked} prepared={prepared} />
          <Form<TaskFormValues>
            form={form}
            layout="vertical"
            initialValues={initial}
            disabled={locked}
            onFieldsChange={onFieldsChange}
          >
            <TaskBasicsSection
              plan={plan}
              task={task}
              options={options}
              leadDepartment={watched.leadDepartment}
              period={watched.period}
              ended={ended}
            />
            <TaskScopeSection options={options} />
            <TaskRatioSection ratioMode={watched.ratioMode} />
            <TaskTeamSection options={options} scopeKind={watched.scopeKind} includeExperts={watched.includeExperts} />
            {published && <ChangeReasonField />}
          </Form>
        </Col>
        <Col span={9}>
          <Space orientation="vertical" style={{ position: prepared ? undefined : 'sticky', top: 0, width: '100%' }}>
            {(locked || prepared) && <FrozenScopePanel taskId={task!.id} locked={locked} />}
            {!locked && <ScopePreviewPanel request={previewRequest ?? null} />}
          </Space>
        </Col>
      </Row>
    </Drawer>
  );
}

/** Why the task cannot be changed, or that saving publishes the plan's next version. */
function TaskEditorNotice({
  plan,
  published,
  locked,
  prepared,
}: {
  plan: PlanView;
  published: boolean;
  locked: boolean;
  prepared: boolean;
}) {
  if (locked)
    return (
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title="该任务的抽取已经承诺，抽取条件已经公开，不能再修改。"
        description="如确需修改，请先在“随机抽取”页作废该次抽取并写明理由。"
      />
    );
  if (prepared)
    return (
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        data-testid="task-prepared-notice"
        title="该任务已准备抽取。保存修改后，这次准备将作废，需在“随机抽取”页重新准备。"
        description={published ? `本计划已公示，保存还将发布第 ${plan.version + 1} 版。` : undefined}
      />
    );
  if (published)
    return (
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={`本计划已公示（第 ${plan.version} 版）。保存后将立即发布第 ${plan.version + 1} 版，旧版本仍可查阅。`}
      />
    );
  return null;
}

function ChangeReasonField() {
  return (
    <>
      <Divider titlePlacement="start">修改理由</Divider>
      <Form.Item
        label="修改理由（将随新版本公示）"
        name="changeReason"
        extra="已公示的计划每次修改都会发布新版本，理由与新版本一起公示并记入操作日志。"
        rules={[filledRule('请填写修改理由')]}
      >
        <Input.TextArea rows={2} maxLength={500} showCount data-testid="task-change-reason" />
      </Form.Item>
    </>
  );
}
