import { useEffect } from 'react';
import { Alert, App, Button, Divider, Form, InputNumber, Table, Typography } from 'antd';
import { FolderOpenOutlined } from '@ant-design/icons';
import { KEEP_DAYS, type BackupEntry, type BackupKind } from '@shared/ipc/channels/backups';
import { api } from '../../api';
import { useAction } from '../../components/useAction';
import { useApiCall } from '../../components/useApiCall';
import { RestoreButtons } from './RestoreButtons';
import { ErrorAlert } from '../../components/ErrorAlert';
import { dateTimeText } from '../../components/dateTime';

const KIND_LABELS: Record<BackupKind, string> = {
  daily: '每日自动',
  migration: '升级前',
  restore: '恢复前',
  manual: '手动',
};

const size = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/**
 * 备份与恢复: the automatic backups beside the database and how long the daily ones are kept, a backup to a folder the
 * clerk chooses, a restore, and the data package that moves the bureau's data to another PC.
 */
export function BackupsSection() {
  const { message } = App.useApp();
  const { data, error, reload } = useApiCall(() => api()['backups:overview']({}));
  const [form] = Form.useForm<{ keepDays: number }>();
  const { run, busy, error: actionError } = useAction();

  useEffect(() => {
    if (data) form.setFieldsValue({ keepDays: data.keepDays });
  }, [data, form]);

  async function saveKeepDays(values: { keepDays: number }) {
    if (!(await run(() => api()['backups:set-keep-days'](values)))) return;
    message.success(`每日自动备份保留 ${values.keepDays} 天。`);
    reload();
  }

  async function backupNow() {
    const done = await run(() => api()['backups:create']({}));
    if (done) message.success(`已备份到：${done.path}`);
  }

  return (
    <div data-testid="backups-section" style={{ maxWidth: 760 }}>
      <Divider titlePlacement="start">备份与恢复</Divider>
      <Typography.Paragraph type="secondary">
        每天第一次打开程序时自动备份一次，程序一直开着也每天备份一次；升级数据库结构和恢复备份之前也会先备份。备份放在：
        <Typography.Text code data-testid="backup-folder">
          {data?.folder ?? '…'}
        </Typography.Text>
      </Typography.Paragraph>
      <ErrorAlert title="无法读取备份情况" error={error} />
      {actionError && (
        <Alert type="error" showIcon title={actionError} style={{ marginBottom: 12 }} data-testid="backup-error" />
      )}
      <Form form={form} layout="inline" onFinish={saveKeepDays} style={{ marginBottom: 12 }}>
        <Form.Item label="每日自动备份保留" name="keepDays" rules={[{ required: true, message: '请填写保留天数' }]}>
          <InputNumber
            min={KEEP_DAYS.min}
            max={KEEP_DAYS.max}
            precision={0}
            suffix="天"
            style={{ width: 120 }}
            data-testid="keep-days"
          />
        </Form.Item>
        <Button htmlType="submit" loading={busy} data-testid="keep-days-save">
          保存
        </Button>
      </Form>
      <RestoreButtons
        onError={reload}
        first={
          <Button icon={<FolderOpenOutlined />} onClick={backupNow} loading={busy} data-testid="backup-now">
            立即备份到其他文件夹…
          </Button>
        }
      />
      <Table<BackupEntry>
        rowKey="fileName"
        size="small"
        pagination={false}
        dataSource={data?.backups ?? []}
        locale={{ emptyText: '备份文件夹中还没有备份。' }}
        scroll={{ y: 240 }}
        data-testid="backup-list"
        columns={[
          { title: '备份时间', dataIndex: 'at', width: 180, render: (at: string) => dateTimeText(at) },
          { title: '类型', dataIndex: 'kind', width: 100, render: (k: BackupKind) => KIND_LABELS[k] },
          { title: '大小', dataIndex: 'bytes', width: 100, align: 'right', render: size },
          { title: '文件名', dataIndex: 'fileName', ellipsis: true },
        ]}
      />
    </div>
  );
}
