import { App, Button, Card, Descriptions, Space, Typography } from 'antd';
import { FolderOpenOutlined, PlusOutlined } from '@ant-design/icons';
import type { AppInfo } from '@shared/ipc/channels/app';
import { api } from '../../api';
import { useAction } from '../../components/useAction';
import { ErrorAlert } from '../../components/ErrorAlert';

/**
 * 程序与数据库: which file this is, and 打开其他数据库 / 新建数据库 (a practice database beside the real one; demo data
 * into a new one). After a switch the page loads again over the other file.
 */
export function DatabaseCard({ info }: { info: AppInfo }) {
  const { message } = App.useApp();
  const { run, busy, error } = useAction();
  async function switchTo(mode: 'open' | 'create') {
    const opened = await run(() => api()['app:switch-database']({ mode }));
    if (!opened) return;
    message.success(`已${mode === 'open' ? '打开' : '新建并打开'}数据库：${opened.fileName}`);
    window.location.hash = '#/';
    window.location.reload();
  }
  return (
    <Card
      title="程序与数据库"
      extra={
        <Space>
          <Button
            icon={<FolderOpenOutlined />}
            loading={busy}
            onClick={() => void switchTo('open')}
            data-testid="db-open"
          >
            打开其他数据库…
          </Button>
          <Button
            icon={<PlusOutlined />}
            loading={busy}
            onClick={() => void switchTo('create')}
            data-testid="db-create"
          >
            新建数据库…
          </Button>
        </Space>
      }
    >
      <ErrorAlert title="未能切换数据库" error={error} style={{ marginBottom: 12 }} testId="db-error" />
      <Descriptions column={1} bordered size="small" data-testid="app-info">
        <Descriptions.Item label="程序版本">{info.version}</Descriptions.Item>
        <Descriptions.Item label="数据库文件">{info.dbPath}</Descriptions.Item>
        <Descriptions.Item label="数据库结构版本">
          {info.schemaVersion}（最新 {info.latestSchemaVersion}）
        </Descriptions.Item>
        {info.backupPath && <Descriptions.Item label="升级前备份">{info.backupPath}</Descriptions.Item>}
      </Descriptions>
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        一个数据库文件保存一个局的全部数据。可以另建一个练习用的数据库加载示例数据，正式数据库不受影响；下次启动时打开最后使用的数据库。
      </Typography.Paragraph>
    </Card>
  );
}
