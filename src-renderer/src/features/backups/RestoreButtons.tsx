import { useState, type ReactNode } from 'react';
import { Alert, App, Button, Descriptions, Modal, Space } from 'antd';
import type { RestoreChoice } from '@shared/ipc/channels/backups';
import { api } from '../../api';
import { useAction } from '../../components/useAction';
import { formatCount } from '@shared/domain/counts';

type Pending = RestoreChoice & { source: 'backup' | 'package'; programVersion?: string };

const WHAT = { backup: '备份', package: '数据包' } as const;

/**
 * 从备份恢复 and 数据包: the file is chosen and checked first (a newer, damaged or altered file is refused here, before
 * anything changes); the clerk then reads what it holds and confirms the replacement.
 */
export function RestoreButtons({ first, onError }: { first: ReactNode; onError: () => void }) {
  const { message } = App.useApp();
  const { run, busy, error } = useAction();
  const [pending, setPending] = useState<Pending>();

  async function choose(source: Pending['source']) {
    const chosen = await run(() =>
      source === 'backup' ? api()['backups:choose-restore']({}) : api()['backups:choose-package']({}),
    );
    if (chosen) setPending({ ...chosen, source });
  }

  async function exportPackage() {
    const done = await run(() => api()['backups:export-package']({}));
    if (done) message.success(`已导出数据包：${done.path}`);
  }

  async function confirm() {
    if (!pending) return;
    const request = { fileToken: pending.token };
    const done = await run(() =>
      pending.source === 'backup' ? api()['backups:restore'](request) : api()['backups:import-package'](request),
    );
    setPending(undefined);
    if (!done) return onError();
    await message.success(`已从${WHAT[pending.source]}恢复，页面将重新载入。`, 1);
    window.location.reload();
  }

  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        {first}
        <Button onClick={() => choose('backup')} loading={busy} data-testid="restore-choose">
          从备份恢复…
        </Button>
        <Button onClick={exportPackage} loading={busy} data-testid="package-export">
          导出数据包…
        </Button>
        <Button onClick={() => choose('package')} loading={busy} data-testid="package-import">
          导入数据包…
        </Button>
      </Space>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="restore-error" />}
      <Modal
        open={!!pending}
        title={pending && `用「${pending.fileName}」替换当前数据？`}
        okText="恢复"
        okButtonProps={{ danger: true, loading: busy, 'data-testid': 'restore-confirm' }}
        cancelText="取消"
        onOk={confirm}
        onCancel={() => setPending(undefined)}
        data-testid="restore-modal"
      >
        {pending && <RestoreFacts pending={pending} />}
      </Modal>
    </>
  );
}

function RestoreFacts({ pending }: { pending: Pending }) {
  const { facts } = pending;
  return (
    <>
      <Alert
        type="warning"
        showIcon
        title="当前数据库将被替换。替换前会自动备份当前数据库，放在备份文件夹中。"
        style={{ marginBottom: 12 }}
      />
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label="机关名称">{facts.bureauName ?? '（尚未填写）'}</Descriptions.Item>
        <Descriptions.Item label="结构版本">{facts.schemaVersion}</Descriptions.Item>
        {pending.programVersion && <Descriptions.Item label="导出程序版本">{pending.programVersion}</Descriptions.Item>}
        {Object.entries(facts.counts).map(([label, n]) => (
          <Descriptions.Item key={label} label={label}>
            {formatCount(n)}
          </Descriptions.Item>
        ))}
      </Descriptions>
    </>
  );
}
