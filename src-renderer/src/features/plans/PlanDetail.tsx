import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  Modal,
  Popconfirm,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import {
  EditOutlined,
  FileExcelOutlined,
  FilePdfOutlined,
  NotificationOutlined,
  PlusOutlined,
  ThunderboltOutlined,
} from '@ant-design/icons';
import { useNavigate } from 'react-router';
import type { PlanView } from '@shared/domain/plans';
import {
  describeInspectingBody,
  describePeriod,
  describeRatio,
  type TaskDrawStatus,
  type TaskView,
} from '@shared/domain/tasks';
import { api } from '../../api';
import { errorText } from '../../components/files';
import { useApiCall } from '../../components/useApiCall';
import { exportPlan } from './planExport';
import { PlanVersions } from './PlanVersions';
import { TaskEditor } from './TaskEditor';
import { useTaskOptions } from './useTaskOptions';

const DRAW_STATUS_COLOR: Record<TaskDrawStatus, string> = {
  未抽取: 'default',
  已准备: 'blue',
  已承诺: 'orange',
  已揭晓: 'purple',
  已封存: 'green',
};

export function PlanStatusTag({ plan }: { plan: Pick<PlanView, 'status' | 'version'> }) {
  return plan.version > 0 ? <Tag color="green">已公示 第 {plan.version} 版</Tag> : <Tag>草稿</Tag>;
}

/** One year's plan: its title and status, publish, export for 公示, its tasks (with the task editor) and its versions. */
export function PlanDetail({ planId, onChanged }: { planId: number; onChanged: () => void }) {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [version, setVersion] = useState(0);
  const { data: plan, error } = useApiCall(() => api()['plans:get']({ id: planId }), [planId, version]);
  const options = useTaskOptions();
  const [editing, setEditing] = useState<TaskView | 'new' | null>(null);
  const [renaming, setRenaming] = useState(false);
  const [actionError, setActionError] = useState<string>();
  const [renameForm] = Form.useForm<{ title: string; changeReason?: string }>();

  const changed = () => {
    setVersion((v) => v + 1);
    onChanged();
  };

  async function publish() {
    setActionError(undefined);
    try {
      const done = await api()['plans:publish']({ id: planId });
      message.success(`《${done.title}》已公示(第 1 版)`);
      changed();
    } catch (e) {
      setActionError(errorText(e));
    }
  }

  async function rename() {
    const values = await renameForm.validateFields().catch(() => null);
    if (!values) return;
    try {
      await api()['plans:save']({
        id: planId,
        year: plan!.year,
        title: values.title,
        changeReason: values.changeReason,
      });
      setRenaming(false);
      changed();
    } catch (e) {
      message.error(errorText(e));
    }
  }

  async function runExport(format: 'xlsx' | 'pdf') {
    try {
      const done = await exportPlan(plan!, plan!.version, format);
      if (done) message.success(`已导出第 ${done.version} 版公示计划:${done.fileName}`);
    } catch (e) {
      message.error(errorText(e));
    }
  }

  if (error) return <Alert type="error" showIcon title="无法读取计划" description={error} />;
  if (!plan) return <Card loading />;
  const published = plan.version > 0;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="plan-detail">
      <Card
        title={
          <Space>
            <span data-testid="plan-title">{plan.title}</span>
            <span data-testid="plan-status">
              <PlanStatusTag plan={plan} />
            </span>
          </Space>
        }
        extra={
          <Space>
            <Button
              icon={<EditOutlined />}
              onClick={() => {
                renameForm.setFieldsValue({ title: plan.title, changeReason: '' });
                setRenaming(true);
              }}
              data-testid="plan-rename"
            >
              修改计划名称
            </Button>
            {!published && (
              <Popconfirm
                title="公示年度抽查计划"
                description="公示后,计划和任务的每次修改都会发布新版本并写明理由,旧版本仍可查阅。"
                okText="公示"
                cancelText="取消"
                onConfirm={publish}
              >
                <Button type="primary" icon={<NotificationOutlined />} data-testid="plan-publish">
                  公示计划
                </Button>
              </Popconfirm>
            )}
            {published && (
              <>
                <Button icon={<FileExcelOutlined />} onClick={() => runExport('xlsx')} data-testid="plan-export-xlsx">
                  导出公示 Excel
                </Button>
                <Button icon={<FilePdfOutlined />} onClick={() => runExport('pdf')} data-testid="plan-export-pdf">
                  导出公示 PDF
                </Button>
              </>
            )}
          </Space>
        }
      >
        <Descriptions size="small" column={3}>
          <Descriptions.Item label="年度">{plan.year} 年</Descriptions.Item>
          <Descriptions.Item label="抽查任务">{plan.tasks.length} 个</Descriptions.Item>
          <Descriptions.Item label="最后修改">
            {new Date(plan.updatedAt).toLocaleString('zh-CN', { hour12: false })}
          </Descriptions.Item>
        </Descriptions>
        {!published && (
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
            草稿可以随意修改;添加好抽查任务后点击“公示计划”。计划须先公示,才能按计划随机抽取。
          </Typography.Paragraph>
        )}
        {actionError && (
          <Alert
            style={{ marginTop: 12 }}
            type="error"
            showIcon
            title="未能公示"
            description={actionError}
            data-testid="plan-error"
          />
        )}
      </Card>

      <Card
        title="抽查任务"
        size="small"
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            disabled={!options.data}
            onClick={() => setEditing('new')}
            data-testid="task-new"
          >
            新增抽查任务
          </Button>
        }
      >
        {options.error && <Alert type="error" showIcon title="无法读取名录选项" description={options.error} />}
        <Table<TaskView>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={plan.tasks}
          locale={{ emptyText: '还没有抽查任务,点击“新增抽查任务”添加' }}
          data-testid="plan-tasks"
          onRow={(t) => ({ 'data-testid': `task-row-${t.id}` }) as never}
          columns={[
            { title: '任务编号', dataIndex: 'number', width: 150 },
            { title: '任务名称', dataIndex: 'name', minWidth: 200 },
            {
              title: '检查主体',
              width: 170,
              render: (_: unknown, t) => describeInspectingBody(t.leadDepartment, t.joiningDepartments),
            },
            {
              title: '检查事项',
              width: 80,
              render: (_: unknown, t) => (
                <Tooltip title={t.items.map((i) => i.name).join('、')}>
                  <span>{t.items.length} 项</span>
                </Tooltip>
              ),
            },
            {
              title: '开展时间',
              width: 130,
              render: (_: unknown, t) => (
                <Tooltip title={describePeriod(t.startDate, t.endDate)}>
                  <span style={{ whiteSpace: 'nowrap' }}>
                    {t.startDate}
                    <br />至 {t.endDate}
                  </span>
                </Tooltip>
              ),
            },
            { title: '抽查比例', width: 190, render: (_: unknown, t) => describeRatio(t.ratio, t.scope.grades) },
            {
              title: '抽取',
              dataIndex: 'drawStatus',
              width: 80,
              render: (s: TaskDrawStatus) => <Tag color={DRAW_STATUS_COLOR[s]}>{s}</Tag>,
            },
            {
              title: '操作',
              width: 160,
              render: (_: unknown, t) => (
                <Space size={4}>
                  <Button
                    size="small"
                    type="link"
                    disabled={!options.data}
                    onClick={() => setEditing(t)}
                    data-testid={`task-edit-${t.id}`}
                  >
                    编辑
                  </Button>
                  <Button
                    size="small"
                    type="link"
                    icon={<ThunderboltOutlined />}
                    onClick={() => navigate(`/draw?task=${t.id}`)}
                    data-testid={`task-draw-${t.id}`}
                  >
                    随机抽取
                  </Button>
                </Space>
              ),
            },
          ]}
        />
      </Card>

      <PlanVersions plan={plan} />

      {options.data && (
        <TaskEditor
          open={editing !== null}
          plan={plan}
          task={editing === 'new' ? null : editing}
          options={options.data}
          onClose={() => setEditing(null)}
          onSaved={(task) => {
            message.success(
              published ? `已保存“${task.name}”,计划已发布第 ${plan.version + 1} 版` : `已保存抽查任务 ${task.number}`,
            );
            setEditing(null);
            changed();
          }}
        />
      )}

      <Modal
        open={renaming}
        title="修改计划名称"
        okText={published ? '保存并发布新版本' : '保存'}
        cancelText="取消"
        onOk={rename}
        onCancel={() => setRenaming(false)}
        destroyOnHidden
        data-testid="plan-rename-modal"
      >
        <Form form={renameForm} layout="vertical">
          <Form.Item
            label="计划名称"
            name="title"
            rules={[{ required: true, whitespace: true, message: '计划名称不能为空' }]}
          >
            <Input maxLength={100} data-testid="plan-title-input" />
          </Form.Item>
          {published && (
            <Form.Item
              label="修改理由"
              name="changeReason"
              extra={`计划已公示,修改将发布第 ${plan.version + 1} 版,理由随新版本公示。`}
              rules={[{ required: true, whitespace: true, message: '请填写修改理由' }]}
            >
              <Input.TextArea rows={2} maxLength={500} data-testid="plan-reason-input" />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </Space>
  );
}
