import { useState } from 'react';
import { Alert, App, Button, Card, Col, InputNumber, Progress, Row, Space, Statistic, Typography } from 'antd';
import { DatabaseOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { api } from '../../api';
import { useApiCall } from '../../components/useApiCall';
import { jobPercent, type JobCount } from '@shared/domain/job-count';
import { useCountedJob, type CountedJobCalls } from '../../components/useCountedJob';
import type { DemoSummary } from '@shared/ipc/channels/demo';
import { formatCount } from '@shared/domain/counts';
import { ErrorAlert } from '../../components/ErrorAlert';

async function counts() {
  const a = api();
  const [items, entities, inspectors, experts] = await Promise.all([
    a['items:query']({ pageSize: 1 }),
    a['roster:query']({ roster: 'entities', pageSize: 1 }),
    a['roster:query']({ roster: 'inspectors', pageSize: 1 }),
    a['roster:query']({ roster: 'experts', pageSize: 1 }),
  ]);
  return { items: items.total, entities: entities.total, inspectors: inspectors.total, experts: experts.total };
}

const DEMO_CALLS: CountedJobCalls = {
  progress: (jobId) => api()['demo:progress']({ jobId }),
  cancel: (jobId) => api()['demo:cancel']({ jobId }),
  cancelledCode: 'demo.cancelled',
};

/**
 * 一单两库 at a glance; on an empty database, 加载示例数据 (a plausible county, by default 30,000 entities) so the
 * program can be tried before real lists are imported.
 */
export function RosterOverview({ onDemoLoaded }: { onDemoLoaded?: () => void }) {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { data, error, reload } = useApiCall(counts);
  const [size, setSize] = useState(30000);
  const demo = useCountedJob<DemoSummary>(DEMO_CALLS, (done) => {
    message.success(
      `示例数据已加载：检查对象 ${formatCount(done.entities)} 户，执法检查人员 ${formatCount(done.inspectors)} 人，专家 ${formatCount(done.experts)} 人，检查事项 ${formatCount(done.items)} 项`,
    );
    reload();
    onDemoLoaded?.();
  });

  const stats: { key: keyof NonNullable<typeof data>; label: string; unit: string; path: string }[] = [
    { key: 'items', label: '检查事项', unit: '项', path: '/items' },
    { key: 'entities', label: '检查对象', unit: '户', path: '/entities' },
    { key: 'inspectors', label: '执法检查人员', unit: '人', path: '/inspectors' },
    { key: 'experts', label: '专家', unit: '人', path: '/inspectors' },
  ];
  return (
    <Card title="一单两库" data-testid="roster-overview">
      <ErrorAlert title="无法读取名录" error={error} />
      {data && (
        <Row gutter={16}>
          {stats.map((s) => (
            <Col key={s.key} span={6}>
              <Card size="small" hoverable onClick={() => navigate(s.path)}>
                <Statistic title={s.label} value={data[s.key]} suffix={s.unit} data-testid={`overview-${s.key}`} />
              </Card>
            </Col>
          ))}
        </Row>
      )}
      {data && data.entities === 0 && <DemoOffer size={size} onSize={setSize} demo={demo} />}
    </Card>
  );
}

/** On an empty database: 加载示例数据 of a chosen size, with its progress and 取消 while it runs. */
function DemoOffer({
  size,
  onSize,
  demo,
}: {
  size: number;
  onSize: (size: number) => void;
  demo: ReturnType<typeof useCountedJob<DemoSummary>>;
}) {
  const { state } = demo;
  const running = state.phase === 'running';
  return (
    <Alert
      style={{ marginTop: 16 }}
      type="info"
      showIcon
      icon={<DatabaseOutlined />}
      data-testid="demo-offer"
      title="数据库中还没有检查对象"
      description={
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text>
            可以先从「检查对象名录库」导入本局的名录；也可以加载一套示例数据（一个虚构县的市场监管所、检查对象、执法人员、专家和检查事项）试用本程序。示例数据只能加载到空数据库中。
          </Typography.Text>
          <Space>
            <Space.Compact>
              <InputNumber
                min={100}
                max={1_000_000}
                step={10000}
                value={size}
                disabled={running}
                onChange={(v) => onSize(v ?? 30000)}
                style={{ width: 130 }}
                data-testid="demo-size"
              />
              <Space.Addon>户检查对象</Space.Addon>
            </Space.Compact>
            <Button
              type="primary"
              loading={running}
              onClick={() => void demo.start((jobId) => api()['demo:load']({ entities: size, jobId }))}
              data-testid="demo-load"
            >
              加载示例数据
            </Button>
            {running && (
              <Button onClick={() => void demo.cancel()} loading={state.cancelling} data-testid="demo-cancel">
                取消
              </Button>
            )}
          </Space>
          {running && <DemoProgressBar progress={state.progress} size={size} />}
          {state.phase === 'failed' && (
            <Alert
              type="error"
              showIcon
              title="未能加载示例数据"
              description={state.message}
              data-testid="demo-error"
            />
          )}
        </Space>
      }
    />
  );
}

function DemoProgressBar({ progress, size }: { progress: JobCount | null; size: number }) {
  const written = progress?.done ?? 0;
  const total = progress?.total ?? size;
  return (
    <div data-testid="demo-progress">
      <Progress percent={jobPercent(progress)} status="active" />
      <Typography.Text type="secondary">
        正在生成示例数据：已写入检查对象 {formatCount(written)} / {formatCount(total)} 户
      </Typography.Text>
    </div>
  );
}
