import { useState } from 'react';
import { Alert, Button, Space, Typography } from 'antd';
import type { AuditChainCheck as Check } from '@shared/ipc/contract';
import { api } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';

/** 系统设置's 操作日志校验: the same recomputation as `ssj audit verify`, on demand. */
export function AuditChainCheck() {
  const [check, setCheck] = useState<Check | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [running, setRunning] = useState(false);

  async function run() {
    setRunning(true);
    setError(null);
    try {
      setCheck(await api()['audit:verify']({}));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setRunning(false);
    }
  }

  return (
    <div data-testid="audit-chain-check" style={{ marginTop: 24, maxWidth: 760 }}>
      <Typography.Title level={5}>操作日志校验</Typography.Title>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">
          每条操作记录都含有上一条记录的哈希；逐条重新计算，可发现日志被修改、删除、插入或调换顺序。
        </Typography.Text>
        <Button onClick={run} loading={running}>
          校验操作日志
        </Button>
        {error && <ErrorAlert title="无法校验操作日志" error={error} />}
        {check?.ok && (
          <Alert
            type="success"
            showIcon
            message={`操作日志完整：共 ${check.rows} 条记录。`}
            description={<span style={{ wordBreak: 'break-all' }}>链头：{check.head}</span>}
          />
        )}
        {check && !check.ok && <Alert type="error" showIcon title="操作日志不完整" description={check.reason} />}
      </Space>
    </div>
  );
}
