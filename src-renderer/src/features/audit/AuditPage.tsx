import { Alert, Card, Table } from 'antd';
import type { AuditEntry } from '@shared/ipc/contract';
import { actionName, detailLines, targetName } from '@shared/domain/audit-labels';
import { api } from '../../api';
import { useApiCall } from '../../components/useApiCall';

/** 操作日志: every change, newest first. The log is append-only in the database itself. */
export function AuditPage() {
  const { data, error, loading } = useApiCall(() => api()['audit:list']({ limit: 200 }));
  return (
    <Card>
      {error && <Alert type="error" showIcon message="无法读取操作日志" description={error} />}
      <Table<AuditEntry>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={data ?? []}
        pagination={{ pageSize: 20 }}
        locale={{ emptyText: '暂无操作记录' }}
        columns={[
          { title: '时间', dataIndex: 'at', width: 200, render: (v: string) => new Date(v).toLocaleString('zh-CN') },
          { title: '操作人', dataIndex: 'actor', width: 120 },
          { title: '操作', dataIndex: 'action', width: 160, render: actionName },
          { title: '对象', dataIndex: 'target', width: 160, render: targetName },
          {
            title: '内容',
            dataIndex: 'detail',
            // Wrapped anywhere: a long detail must not push the page wider than the window.
            render: (v: unknown) => (
              <div style={{ wordBreak: 'break-all' }}>
                {detailLines(v).map((line, i) => (
                  <div key={i}>{line}</div>
                ))}
              </div>
            ),
          },
        ]}
      />
    </Card>
  );
}
