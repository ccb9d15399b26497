import { useEffect, useState } from 'react';
import { Button, Card, Empty, Select, Space, Spin, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import type { ResultState } from '@shared/domain/results';
import type { ResultTaskView } from '@shared/domain/result-views';
import { api } from '../../api';
import { useApiCall } from '../../components/useApiCall';
import { EntityList } from './EntityList';
import { EntryView } from './EntryView';
import { ImportModal } from './ImportModal';
import { DueNotice } from '../disclosure/DisclosureLists';
import { LinkFilterTags, linkFilters, type LinkFilters } from './LinkFilterTags';
import { ErrorAlert } from '../../components/ErrorAlert';

/** The sheet of the entity in the URL, entered in place; previous and next follow the list as filtered. */
function EntityEntry(props: {
  drawId: number;
  entityId: number;
  /** The entity ids of the list, in its order. */
  order: number[];
  go(id: number | null): void;
  onSubmitted(): void;
}) {
  const { drawId, entityId, order, go, onSubmitted } = props;
  const { data, error } = useApiCall(() => api()['results:sheet']({ drawId, entityId }), [drawId, entityId]);
  const at = order.indexOf(entityId);
  if (error) return <ErrorAlert title="无法打开这一户的检查记录" error={error} />;
  if (!data || data.entityId !== entityId) return <Spin />;
  return (
    <EntryView
      key={entityId}
      view={data}
      hasPrevious={at > 0}
      hasNext={at >= 0 && at < order.length - 1}
      onMove={(step) => go(step === 0 ? null : order[at + step])}
      onSubmitted={onSubmitted}
    />
  );
}

interface TaskBarProps {
  tasks: ResultTaskView[] | undefined;
  loading: boolean;
  drawId: number | null;
  onDraw(drawId: number): void;
  onImport(): void;
}

/** The task whose entities are listed, its counts by state, and the import of filled workbooks. */
function TaskBar({ tasks, loading, drawId, onDraw, onImport }: TaskBarProps) {
  const task = tasks?.find((t) => t.drawId === drawId);
  return (
    <Space wrap>
      <DueNotice />
      <Typography.Text>抽查任务：</Typography.Text>
      <Select
        style={{ width: 420 }}
        aria-label="抽查任务"
        value={drawId ?? undefined}
        loading={loading}
        options={tasks?.map((t) => ({ value: t.drawId, label: `${t.taskNumber} ${t.taskName}` }))}
        onChange={onDraw}
      />
      {task && (
        <Typography.Text type="secondary" data-testid="task-counts">
          共 {task.entities} 户：未录入 {task.counts.未录入}，已录入 {task.counts.已录入}，已审核 {task.counts.已审核}
          ，审核退回 {task.counts.审核退回}
        </Typography.Text>
      )}
      <Button onClick={onImport}>导入填好的一户一表</Button>
    </Space>
  );
}

/** The task's entities, filtered as the URL says. */
function useEntities(
  f: LinkFilters & { drawId: number | null; state: ResultState | null; query: string },
  version: number,
) {
  const { drawId, state, query, due, unpublished } = f;
  return useApiCall(
    () =>
      drawId
        ? api()['results:entities']({
            drawId,
            state: state ?? undefined,
            query: query || undefined,
            due: due ?? undefined,
            unpublished: unpublished || undefined,
          })
        : Promise.resolve([]),
    [drawId, state, query, due, unpublished, version],
  );
}

/**
 * 检查结果录入: a task's drawn entities with their state (?draw=ID), one entity's sheet entered (&entity=ID); the list
 * filtered by state (&state=), name or code (&q=), deadline (&due=overdue|dueSoon) or 未公示 (&unpublished=1).
 */
export function ResultsPage() {
  const [params, setParams] = useSearchParams();
  const [version, setVersion] = useState(0);
  const [importing, setImporting] = useState(false);
  const drawId = Number(params.get('draw')) || null;
  const entityId = Number(params.get('entity')) || null;
  const state = (params.get('state') as ResultState | null) ?? null;
  const query = params.get('q') ?? '';
  const links = linkFilters(params);
  const tasks = useApiCall(() => api()['results:tasks']({}), [version]);
  const entities = useEntities({ drawId, state, query, ...links }, version);
  const update = (change: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(change))
      if (v === null) next.delete(k);
      else next.set(k, v);
    setParams(next);
  };

  useEffect(() => {
    const first = tasks.data?.[0];
    if (drawId === null && first) setParams({ draw: String(first.drawId) }, { replace: true });
  }, [drawId, tasks.data, setParams]);

  const reload = () => setVersion((v) => v + 1);
  // Previous and next follow the list as it was when the entity was opened: an entity entered under the filter
  // 未录入 leaves the reloaded list, and the clerk still moves on from where it stood.
  const [order, setOrder] = useState<number[]>([]);
  useEffect(() => {
    const rows = entities.data;
    if (rows && (entityId === null || rows.some((r) => r.entityId === entityId))) setOrder(rows.map((r) => r.entityId));
  }, [entities.data, entityId]);
  if (tasks.data && tasks.data.length === 0)
    return (
      <Card>
        <Empty description="还没有封存的抽取结果。完成「随机抽取」并封存后，在这里录入各户的检查结果。" />
      </Card>
    );
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12} data-testid="results-page">
      <TaskBar
        tasks={tasks.data}
        loading={tasks.loading}
        drawId={drawId}
        onDraw={(id) => setParams({ draw: String(id) })}
        onImport={() => setImporting(true)}
      />
      {tasks.error && <ErrorAlert title="无法读取抽查任务" error={tasks.error} />}
      {drawId && entityId ? (
        <EntityEntry
          drawId={drawId}
          entityId={entityId}
          order={order}
          onSubmitted={reload}
          go={(id) => {
            reload();
            update({ entity: id === null ? null : String(id) });
          }}
        />
      ) : (
        <EntityList
          rows={entities.data}
          loading={entities.loading}
          error={entities.error}
          state={state}
          query={query}
          onFilter={(s, q) => update({ state: s, q: q || null })}
          linkFilters={<LinkFilterTags filters={links} onClear={(key) => update({ [key]: null })} />}
          onOpen={(id) => update({ entity: String(id) })}
          onReviewed={reload}
        />
      )}
      <ImportModal open={importing} onClose={() => setImporting(false)} onImported={reload} />
    </Space>
  );
}
