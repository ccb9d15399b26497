import { Card, Col, Row, Table, Tag, Tooltip, Typography } from 'antd';
import { rateText, type StatsFigure, type StatsScopeRow } from '@shared/domain/stats';

/** What the hover says: the formula and the counts it was computed from. */
function FigureTip({ f }: { f: StatsFigure }) {
  return (
    <div data-testid={`stats-tip-${f.key}`}>
      <div>计算公式：{f.formula}</div>
      <div>
        {f.numeratorLabel}：{f.numerator}
      </div>
      <div>
        {f.denominatorLabel}：{f.denominator}
      </div>
      {f.rate === null && <div>分母为 0，本项无可计算的数据。</div>}
      {f.note && <div>说明：{f.note}</div>}
    </div>
  );
}

function FigureCard({ f }: { f: StatsFigure }) {
  return (
    <Tooltip title={<FigureTip f={f} />}>
      <Card size="small" data-testid={`stats-figure-${f.key}`} styles={{ body: { padding: '10px 12px' } }}>
        <Typography.Text type="secondary">{f.label}</Typography.Text>
        <div style={{ fontSize: 24, fontWeight: 600, lineHeight: 1.4 }}>{rateText(f.rate)}</div>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {f.numerator} ÷ {f.denominator}
        </Typography.Text>
      </Card>
    </Tooltip>
  );
}

/** The whole bureau's figures as cards, four to a row. */
export function FigureCards({ row }: { row: StatsScopeRow }) {
  return (
    <Row gutter={[12, 12]}>
      {row.figures.map((f) => (
        <Col key={f.key} span={6}>
          <FigureCard f={f} />
        </Col>
      ))}
    </Row>
  );
}

function RateCell({ f }: { f: StatsFigure }) {
  return (
    <Tooltip title={<FigureTip f={f} />}>
      <span>
        {rateText(f.rate)}
        <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
          {f.numerator}/{f.denominator}
        </Typography.Text>
      </span>
    </Tooltip>
  );
}

/** Every scope's figures side by side: 全局, the departments, the 管辖单位. */
export function FigureTable({ rows }: { rows: StatsScopeRow[] }) {
  const labels = rows[0]?.figures.map((f) => f.label) ?? [];
  return (
    <Table<StatsScopeRow>
      size="small"
      rowKey={(r) => `${r.kind}-${r.name}`}
      dataSource={rows}
      pagination={false}
      scroll={{ x: 1080 }}
      onRow={(r) => ({ 'data-testid': `stats-row-${r.kind}-${r.name}` }) as never}
      columns={[
        {
          title: '范围',
          width: 210,
          fixed: 'left',
          render: (_: unknown, r: StatsScopeRow) => (
            <span>
              {r.kind !== '全局' && <Tag>{r.kind}</Tag>}
              {r.name}
            </span>
          ),
        },
        ...labels.map((label, i) => ({
          title: label,
          width: 112,
          render: (_: unknown, r: StatsScopeRow) => <RateCell f={r.figures[i]} />,
        })),
      ]}
    />
  );
}
