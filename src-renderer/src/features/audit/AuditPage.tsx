import { useCallback, useEffect, useState } from 'react';
import { Button, Card, Table } from 'antd';
import type { AuditEntry } from '@shared/ipc/contract';
import { actionName, auditTime, detailLines, targetName } from '@shared/domain/audit-labels';
import { api } from '../../api';
import { errorText } from '../../components/files';
import { useApiCall } from '../../components/useApiCall';
import { useDebouncedValue } from '../../components/useDebouncedValue';
import { AuditExport } from './AuditExport';
import { AuditFilters, type AuditFilter } from './AuditFilters';
import { ErrorAlert } from '../../components/ErrorAlert';

const PAGE = 100;

const COLUMNS = [
  { title: '时间', dataIndex: 'at', width: 130, render: auditTime },
  { title: '操作人', dataIndex: 'actor', width: 100 },
  { title: '操作', dataIndex: 'action', width: 150, render: actionName },
  { title: '对象', dataIndex: 'target', width: 140, render: targetName },
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
];

/** The rows the filter matches, newest first, a page at a time by id (deep pages stay as fast as the first). */
function useAuditRows(filter: AuditFilter) {
  const [rows, setRows] = useState<AuditEntry[]>([]);
  const [more, setMore] = useState(false);
  const page = useApiCall(() => api()['audit:list']({ ...filter, limit: PAGE }), [filter]);
  useEffect(() => {
    setRows(page.data ?? []);
    setMore((page.data?.length ?? 0) === PAGE);
  }, [page.data]);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<string>();
  const loadMore = useCallback(async () => {
    setLoadingMore(true);
    setMoreError(undefined);
    try {
      const next = await api()['audit:list']({ ...filter, limit: PAGE, beforeId: rows.at(-1)?.id });
      setRows([...rows, ...next]);
      setMore(next.length === PAGE);
    } catch (e) {
      setMoreError(errorText(e));
    } finally {
      setLoadingMore(false);
    }
  }, [filter, rows]);
  return { rows, more, loadMore, loadingMore, loading: page.loading, error: page.error ?? moreError };
}

/** 操作日志: every change, newest first, filtered by person, date, action and object. Append-only in the database. */
export function AuditPage() {
  const [typed, setFilter] = useState<AuditFilter>({});
  const filter = useDebouncedValue(typed, 300);
  const actors = useApiCall(() => api()['audit:actors']({}));
  const total = useApiCall(() => api()['audit:count'](filter), [filter]);
  const list = useAuditRows(filter);
  const error = list.error ?? total.error;
  return (
    <Card>
      <AuditFilters
        filter={typed}
        set={setFilter}
        actors={actors.data ?? []}
        total={total.loading ? undefined : total.data}
      >
        <AuditExport filter={filter} total={total.loading ? undefined : total.data} />
      </AuditFilters>
      <ErrorAlert title="无法读取操作日志" error={error} />
      <Table<AuditEntry>
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={list.rows}
        pagination={false}
        scroll={{ y: 'calc(100vh - 330px)' }}
        locale={{ emptyText: '没有符合条件的操作记录' }}
        columns={COLUMNS}
        data-testid="audit-table"
      />
      {list.more && (
        <Button block style={{ marginTop: 8 }} loading={list.loadingMore} onClick={list.loadMore}>
          显示更早的 {PAGE} 条
        </Button>
      )}
    </Card>
  );
}
