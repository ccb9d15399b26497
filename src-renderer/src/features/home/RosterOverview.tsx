import { useState } from 'react';
import { Alert, App, Button, Card, Col, InputNumber, Row, Space, Spin, Statistic, Typography } from 'antd';
import { DatabaseOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { api } from '../../api';
import { useAction } from '../../components/useAction';
import { useApiCall } from '../../components/useApiCall';

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

/**
 * 一单两库 at a glance; on an empty database, 加载示例数据 (a plausible county, by default 30,000 entities) so the
 * program can be tried before real lists are imported.
 */
export function RosterOverview({ onDemoLoaded }: { onDemoLoaded?: () => void }) {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { data, error, reload } = useApiCall(counts);
  const [size, setSize] = useState(30000);
  const { run, busy: loading, error: loadError } = useAction();

  async function loadDemo() {
    const done = await run(() => api()['demo:load']({ entities: size }));
    if (!done) return;
    message.success(
      `示例数据已加载:检查对象 ${done.entities.toLocaleString('zh-CN')} 户,执法检查人员 ${done.inspectors} 人,专家 ${done.experts} 人,检查事项 ${done.items} 项`,
    );
    reload();
    onDemoLoaded?.();
  }

  const stats: { key: keyof NonNullable<typeof data>; label: string; unit: string; path: string }[] = [
    { key: 'items', label: '检查事项', unit: '项', path: '/items' },
    { key: 'entities', label: '检查对象', unit: '户', path: '/entities' },
    { key: 'inspectors', label: '执法检查人员', unit: '人', path: '/inspectors' },
    { key: 'experts', label: '专家', unit: '人', path: '/inspectors' },
  ];
  return (
    <Card title="一单两库" data-testid="roster-overview">
      {error && <Alert type="error" showIcon title="无法读取名录" description={error} />}
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
      {data && data.entities === 0 && (
        <DemoOffer size={size} onSize={setSize} loading={loading} error={loadError} onLoad={loadDemo} />
      )}
    </Card>
  );
}

/** On an empty database: 加载示例数据 of a chosen size. */
function DemoOffer({
  size,
  onSize,
  loading,
  error,
  onLoad,
}: {
  size: number;
  onSize: (size: number) => void;
  loading: boolean;
  error: string | undefined;
  onLoad: () => void;
}) {
  return (
    <Spin spinning={loading} description="正在生成示例数据,请稍候…">
      <Alert
        style={{ marginTop: 16 }}
        type="info"
        showIcon
        icon={<DatabaseOutlined />}
        data-testid="demo-offer"
        title="数据库中还没有检查对象"
        description={
          <Space orientation="vertical">
            <Typography.Text>
              可以先从“检查对象名录库”导入本局的名录;也可以加载一套示例数据(一个虚构县的市场监管所、检查对象、执法人员、专家和检查事项)试用本程序。示例数据只能加载到空数据库中。
            </Typography.Text>
            <Space>
              <Space.Compact>
                <InputNumber
                  min={100}
                  // Loaded in one go by the main process: beyond this a clerk would wait minutes on a frozen
                  // window (city-scale sets are for the CLI and the benchmarks: npm run ssj -- demo).
                  max={200_000}
                  step={10000}
                  value={size}
                  onChange={(v) => onSize(v ?? 30000)}
                  style={{ width: 130 }}
                  data-testid="demo-size"
                />
                <Space.Addon>户检查对象</Space.Addon>
              </Space.Compact>
              <Button type="primary" loading={loading} onClick={onLoad} data-testid="demo-load">
                加载示例数据
              </Button>
            </Space>
            {error && (
              <Alert type="error" showIcon title="未能加载示例数据" description={error} data-testid="demo-error" />
            )}
          </Space>
        }
      />
    </Spin>
  );
}
