import { Card, Space, Spin, Typography } from 'antd';
import { api } from '../../api';
import { useApiCall } from '../../components/useApiCall';
import { ScopeFigures } from './ScopeFigures';
import { formatCount } from '@shared/domain/counts';
import { dateTimeText } from '../../components/dateTime';
import { ErrorAlert } from '../../components/ErrorAlert';

const number = formatCount;

/**
 * 准备时冻结的范围: the figures of the task's current draw as 准备 froze them (draws:get), which the draw goes by
 * whatever the rosters hold today. `locked`: the draw is committed, so the task can no longer change; before that the
 * live preview shows below, so the grades are left to it.
 */
export function FrozenScopePanel({ taskId, locked }: { taskId: number; locked: boolean }) {
  const { data: draw, error } = useApiCall(() => api()['draws:get']({ taskId, packagePageSize: 1 }), [taskId]);
  const current = draw && draw.state !== 'voided' ? draw : null;
  const p = current?.preparation;
  return (
    <Card
      size="small"
      title={current ? `准备时冻结的范围（第 ${current.attempt} 次抽取）` : '准备时冻结的范围'}
      data-testid="frozen-scope"
    >
      <ErrorAlert title="无法读取这次抽取" error={error} />
      {!error && draw === undefined && <Spin size="small" />}
      {current && p && (
        <Space orientation="vertical" size="small" style={{ width: '100%' }}>
          <Typography.Text data-testid="frozen-at">
            {`${current.preparedBy}于 ${dateTimeText(current.preparedAt)} 准备时冻结的户数和人员：` +
              (locked ? '抽取按此进行，名录此后的变化不影响这次抽取。' : '承诺后按此抽取。')}
          </Typography.Text>
          <ScopeFigures
            total={p.candidates}
            expected={p.quota}
            inspectors={p.inspectors}
            strata={locked ? p.strata : null}
            prefix="frozen"
          />
          <Typography.Text type="secondary" data-testid="frozen-pool-detail">
            {`执法人员来自 ${number(p.offices)} 个单位${p.experts > 0 ? `（含专家 ${number(p.experts)} 人）` : ''}；` +
              `约 ${number(p.packagesEstimate)} 个名单包。` +
              (p.excludedRecent > 0 ? `已排除近期抽查过的 ${number(p.excludedRecent)} 户。` : '')}
          </Typography.Text>
        </Space>
      )}
    </Card>
  );
}
