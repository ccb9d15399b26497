import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Popconfirm, Space, Tag, Typography } from 'antd';
import {
  DeleteOutlined,
  EditOutlined,
  FileExcelOutlined,
  FilePdfOutlined,
  NotificationOutlined,
} from '@ant-design/icons';
import type { PlanView } from '@shared/domain/plans';
import { api } from '../../api';
import { errorText } from '../../components/files';
import { usePlanExport } from './usePlanExport';
import { dateTimeText } from '../../components/dateTime';

export function PlanStatusTag({ plan }: { plan: Pick<PlanView, 'status' | 'version'> }) {
  return plan.version > 0 ? <Tag color="green">已公示 第 {plan.version} 版</Tag> : <Tag>草稿</Tag>;
}

interface PlanHeaderProps {
  plan: PlanView;
  onRename: () => void;
  onDelete: () => void;
  onChanged: () => void;
}

/** The plan's title card: rename, publish a draft, export a published plan for 公示. */
export function PlanHeaderCard({ plan, onRename, onDelete, onChanged }: PlanHeaderProps) {
  const { message } = App.useApp();
  const [actionError, setActionError] = useState<string>();
  const published = plan.version > 0;

  async function publish() {
    setActionError(undefined);
    try {
      const done = await api()['plans:publish']({ id: plan.id });
      message.success(`《${done.title}》已公示（第 1 版）`);
      onChanged();
    } catch (e) {
      setActionError(errorText(e));
    }
  }

  return (
    <Card
      title={
        <Space>
          <span data-testid="plan-title">{plan.title}</span>
          <span data-testid="plan-status">
            <PlanStatusTag plan={plan} />
          </span>
        </Space>
      }
      extra={<PlanHeaderActions plan={plan} onRename={onRename} onPublish={publish} onDelete={onDelete} />}
    >
      <Descriptions size="small" column={3}>
        <Descriptions.Item label="年度">{plan.year} 年</Descriptions.Item>
        <Descriptions.Item label="抽查任务">{plan.tasks.length} 个</Descriptions.Item>
        <Descriptions.Item label="最后修改">{dateTimeText(plan.updatedAt)}</Descriptions.Item>
      </Descriptions>
      {!published && (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          草稿可以随意修改；添加好抽查任务后点击“公示计划”。计划须先公示，才能按计划随机抽取。
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
  );
}

/** The published plan's two files for 公示. */
const EXPORTS = [
  { format: 'xlsx', icon: <FileExcelOutlined />, label: '导出公示 Excel' },
  { format: 'pdf', icon: <FilePdfOutlined />, label: '导出公示 PDF' },
] as const;

/** The card's buttons: rename and delete are the page's, publish is the card's own. */
function PlanHeaderActions({
  plan,
  onRename,
  onPublish,
  onDelete,
}: Omit<PlanHeaderProps, 'onChanged'> & { onPublish: () => void }) {
  const runExport = usePlanExport(plan);
  const published = plan.version > 0;

  return (
    <Space>
      <Button icon={<EditOutlined />} onClick={onRename} data-testid="plan-rename">
        修改计划名称
      </Button>
      {!published && (
        <Button danger icon={<DeleteOutlined />} onClick={onDelete} data-testid="plan-delete">
          删除草稿
        </Button>
      )}
      {!published && (
        <Popconfirm
          title="公示年度抽查计划"
          description="公示后，计划和任务的每次修改都会发布新版本并写明理由，旧版本仍可查阅。"
          okText="公示"
          cancelText="取消"
          onConfirm={onPublish}
        >
          <Button type="primary" icon={<NotificationOutlined />} data-testid="plan-publish">
            公示计划
          </Button>
        </Popconfirm>
      )}
      {published &&
        EXPORTS.map((e) => (
          <Button
            key={e.format}
            icon={e.icon}
            onClick={() => runExport(plan.version, e.format)}
            data-testid={`plan-export-${e.format}`}
          >
            {e.label}
          </Button>
        ))}
    </Space>
  );
}
