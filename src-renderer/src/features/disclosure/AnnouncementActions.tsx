import { Alert, App, Button, Popconfirm, Space, Tag, Typography } from 'antd';
import type { Announcement } from '@shared/domain/disclosure';
import { useAction } from '../../components/useAction';
import { exportAnnouncement, type AnnouncementRef } from './announcementExport';
import { dateTimeText } from '../../components/dateTime';

interface Props {
  announcement: Announcement;
  target: AnnouncementRef;
  /** Publishes; resolves once recorded. */
  publish(): Promise<unknown>;
  /** Why 公示 is not offered (already published), or undefined. */
  publishBlocked?: string;
}

/** 公示 (confirmed first), 导出 Excel / PDF, and the refusal of either in Chinese. */
export function AnnouncementActions({ announcement, target, publish, publishBlocked }: Props) {
  const { message } = App.useApp();
  const { run, busy, error } = useAction();
  const exportAs = async (format: 'xlsx' | 'pdf') => {
    const done = await run(() => exportAnnouncement(target, announcement.title, format));
    if (done) void message.success(`已导出「${done.fileName}」。`);
  };
  const p = announcement.published;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        {p ? (
          <Tag color="green" data-testid="announcement-published">
            已公示：{p.publishedBy}，{dateTimeText(p.publishedAt)}
          </Tag>
        ) : (
          <Tag color="orange">预览，尚未公示</Tag>
        )}
        <Popconfirm
          title="确认公示"
          description="公示后的公告不能修改或撤回。"
          okText="公示"
          cancelText="取消"
          onConfirm={() => run(publish)}
          disabled={!!publishBlocked}
        >
          <Button type="primary" loading={busy} disabled={!!publishBlocked} data-testid="announcement-publish">
            公示
          </Button>
        </Popconfirm>
        <Button onClick={() => exportAs('xlsx')} disabled={busy} data-testid="announcement-export-xlsx">
          导出 Excel
        </Button>
        <Button onClick={() => exportAs('pdf')} disabled={busy} data-testid="announcement-export-pdf">
          导出 PDF
        </Button>
        {publishBlocked && <Typography.Text type="secondary">{publishBlocked}</Typography.Text>}
      </Space>
      {error && <Alert type="error" showIcon title={error} data-testid="announcement-error" />}
    </Space>
  );
}
