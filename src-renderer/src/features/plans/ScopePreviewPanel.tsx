import { Alert, Card, Space, Spin, Typography } from 'antd';
import type { Req } from '@shared/ipc/contract';
import { api } from '../../api';
import { useApiCall } from '../../components/useApiCall';
import { useDebouncedValue } from '../../components/useDebouncedValue';
import { ScopeFigures } from './ScopeFigures';
import { formatCount } from '@shared/domain/counts';
import { ErrorAlert } from '../../components/ErrorAlert';

const number = formatCount;

/**
 * 范围预览: what the task's object scope holds right now, what each grade will draw, and who the inspector scope
 * allows (tasks:scope-preview, the same SQL and pool the draw freezes at 准备). Asked again whenever the form changes,
 * once the clerk pauses (debounced).
 */
export function ScopePreviewPanel({ request }: { request: Req<'tasks:scope-preview'> | null }) {
  const key = useDebouncedValue(request ? JSON.stringify(request) : '', 300);
  const { data, error, loading } = useApiCall(
    () => (key ? api()['tasks:scope-preview'](JSON.parse(key) as Req<'tasks:scope-preview'>) : Promise.resolve(null)),
    [key],
  );
  return (
    <Card size="small" title="范围预览（实时）" data-testid="scope-preview">
      {!key && <Typography.Text type="secondary">抽查比例和开展时间填写无误后，显示范围内户数。</Typography.Text>}
      <ErrorAlert title="无法计算范围" error={error} />
      {data && (
        <Spin spinning={loading} size="small">
          <Space orientation="vertical" size="small" style={{ width: '100%' }}>
            <ScopeFigures
              total={data.total}
              expected={data.expected}
              inspectors={data.pool?.inspectors ?? null}
              strata={data.strata}
              prefix="scope"
            />
            {data.pool && (
              <Typography.Text type="secondary" data-testid="scope-pool-detail">
                {`执法人员来自 ${number(data.pool.offices)} 个单位${data.pool.experts > 0 ? `（含专家 ${number(data.pool.experts)} 人）` : ''}；` +
                  `预计至少 ${number(data.pool.packagesAtLeast)} 个名单包，按每组人数和每人最多参加的组数，最多可组成 ${number(data.pool.teamsAtMost)} 个检查组。`}
              </Typography.Text>
            )}
            {data.excludedSince && (
              <Typography.Text type="secondary" data-testid="scope-excluded">
                已排除 {data.excludedSince} 以来被抽查过的 {number(data.excludedRecent)} 户
              </Typography.Text>
            )}
            {data.notices.map((notice) => (
              <Alert key={notice} type="warning" showIcon title={notice} data-testid="scope-notice" />
            ))}
          </Space>
        </Spin>
      )}
    </Card>
  );
}
