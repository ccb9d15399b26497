import { useMemo, useState } from 'react';
import { Alert, Button, Card, Checkbox, Col, Row, Segmented, Space, Statistic, Table, Tag, Typography } from 'antd';
import { NAME_PENDING } from '@shared/domain/entity-names';
import type { ImportReportView } from '@shared/domain/roster-views';
import type { ImportProblem } from '@shared/import/problems';
import { formatCount } from '@shared/domain/counts';

const COUNTS: { key: keyof ImportReportView['counts']; label: string; color?: string }[] = [
  { key: 'new', label: '新增', color: '#389e0d' },
  { key: 'updated', label: '更新', color: '#1d4f91' },
  { key: 'unchanged', label: '无变化' },
  { key: 'rejected', label: '未导入', color: '#cf1322' },
  { key: 'flagged', label: '有提示', color: '#d48806' },
];

/** new / updated / unchanged / rejected / flagged, as the preview and the finished import show them. */
export function ImportCounts({ report }: { report: ImportReportView }) {
  return (
    <Card size="small" data-testid="import-counts">
      <Row gutter={16}>
        {COUNTS.map((c) => (
          <Col key={c.key} flex="1">
            <Statistic
              title={c.label}
              value={report.counts[c.key]}
              styles={{ content: { color: c.color } }}
              data-testid={`count-${c.key}`}
            />
          </Col>
        ))}
        <Col flex="1">
          <Statistic title="读取行数" value={report.rowsRead} />
        </Col>
      </Row>
      {report.counts.namedFromOperator > 0 && (
        <Typography.Paragraph type="warning" style={{ margin: '8px 0 0' }} data-testid="count-named">
          其中 {formatCount(report.counts.namedFromOperator)}{' '}
          户个体工商户名称为空，按经营者命名为「个体工商户（经营者：姓名）」，在名录中标为{NAME_PENDING}
          ，请核对；公开的名单中经营者只显示姓氏（如周某某）。
        </Typography.Paragraph>
      )}
      {report.subItems && (
        <Typography.Text type="secondary">
          检查子项：新增 {report.subItems.new}，更新 {report.subItems.updated}，无变化 {report.subItems.unchanged}，删除{' '}
          {report.subItems.removed}
        </Typography.Text>
      )}
    </Card>
  );
}

/** Rows that carry a warning but no error: kept unless the clerk declines them. */
export function acceptableRows(problems: readonly ImportProblem[]): Set<number> {
  const rejected = new Set(problems.filter((p) => p.severity === 'error').map((p) => p.row));
  return new Set(problems.filter((p) => p.severity === 'flag' && !rejected.has(p.row)).map((p) => p.row));
}

type Filter = 'all' | 'error' | 'flag';

/**
 * Every problem with its row, column and reason. A warning row (e.g. a USCC whose check digit fails, which early
 * codes may do) is imported as it is unless the clerk unticks 接受 — `declined` holds those rows.
 */
export function ProblemsTable({
  report,
  declined,
  onDeclinedChange,
}: {
  report: ImportReportView;
  declined?: Set<number>;
  onDeclinedChange?: (rows: Set<number>) => void;
}) {
  const [filter, setFilter] = useState<Filter>('all');
  const acceptable = useMemo(() => acceptableRows(report.problems), [report.problems]);
  // By row (a duplicate is found at its second row, then its first is rejected too: the report lists them found-order).
  const sorted = useMemo(
    () => report.problems.map((p, i) => ({ ...p, key: i })).sort((a, b) => a.row - b.row || a.key - b.key),
    [report.problems],
  );
  const shown = filter === 'all' ? sorted : sorted.filter((p) => p.severity === filter);
  const editable = declined !== undefined && onDeclinedChange !== undefined && acceptable.size > 0;
  const toggle = (row: number, accept: boolean) => {
    const next = new Set(declined);
    if (accept) next.delete(row);
    else next.add(row);
    onDeclinedChange?.(next);
  };
  const errors = report.problems.filter((p) => p.severity === 'error').length;

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {editable && <FlagNotice report={report} acceptable={acceptable} onDeclinedChange={onDeclinedChange} />}
      <Space>
        <Typography.Text strong>问题清单</Typography.Text>
        <Segmented<Filter>
          size="small"
          value={filter}
          onChange={setFilter}
          options={[
            { value: 'all', label: `全部 ${report.problems.length}` },
            { value: 'error', label: `未导入 ${errors}` },
            { value: 'flag', label: `提示 ${report.problems.length - errors}` },
          ]}
        />
        {report.problemsTruncated && (
          <Typography.Text type="warning">问题过多，只列出前 {report.problems.length} 条</Typography.Text>
        )}
      </Space>
      <ProblemList shown={shown} declined={declined} acceptable={editable ? acceptable : null} onToggle={toggle} />
    </Space>
  );
}

/** The warning rows are imported unless declined: say so, with 全部接受 / 全部不接受. */
function FlagNotice({
  report,
  acceptable,
  onDeclinedChange,
}: {
  report: ImportReportView;
  acceptable: Set<number>;
  onDeclinedChange: (rows: Set<number>) => void;
}) {
  // The check-digit example only where the file has one: a name built from the operator is another kind of warning.
  const checkDigit = report.problems.some((p) => p.code === 'uscc.checkDigit');
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="flag-notice"
      title={
        checkDigit
          ? `${formatCount(acceptable.size)} 行有提示（如统一社会信用代码校验码不符），默认按原样导入`
          : `${formatCount(acceptable.size)} 行有提示，默认按提示所述导入`
      }
      description={`${checkDigit ? '早期发放的代码可能如此。' : ''}请逐行核对：取消勾选“接受”的行将不导入，并列入问题清单。`}
      action={
        <Space orientation="vertical">
          <Button size="small" onClick={() => onDeclinedChange(new Set())}>
            全部接受
          </Button>
          <Button size="small" onClick={() => onDeclinedChange(new Set(acceptable))}>
            全部不接受
          </Button>
        </Space>
      }
    />
  );
}

/** The problems shown; with `acceptable` (the report can be edited) a 接受 box on each warning row. */
function ProblemList({
  shown,
  declined,
  acceptable,
  onToggle,
}: {
  shown: (ImportProblem & { key: number })[];
  declined: Set<number> | undefined;
  acceptable: Set<number> | null;
  onToggle: (row: number, accept: boolean) => void;
}) {
  return (
    <Table<ImportProblem & { key: number }>
      size="small"
      data-testid="import-problems"
      dataSource={shown}
      pagination={{ pageSize: 8, showSizeChanger: false, showTotal: (n) => `共 ${formatCount(n)} 条` }}
      locale={{ emptyText: '没有发现问题' }}
      columns={[
        { title: '行号', dataIndex: 'row', width: 70 },
        { title: '列', dataIndex: 'column', width: 190, render: (c: string | null) => c ?? '（整行）' },
        {
          title: '处理',
          dataIndex: 'severity',
          width: 90,
          render: (s: string, p) =>
            s === 'error' ? (
              <Tag color="red">未导入</Tag>
            ) : declined?.has(p.row) ? (
              <Tag color="red">不接受</Tag>
            ) : (
              <Tag color="orange">提示</Tag>
            ),
        },
        { title: '原因', dataIndex: 'reason' },
        ...(acceptable
          ? [
              {
                title: '接受',
                key: 'accept',
                width: 64,
                render: (_: unknown, p: ImportProblem) =>
                  p.severity === 'flag' && acceptable.has(p.row) ? (
                    <Checkbox
                      checked={!declined?.has(p.row)}
                      onChange={(e) => onToggle(p.row, e.target.checked)}
                      data-testid={`accept-${p.row}`}
                    />
                  ) : null,
              },
            ]
          : []),
      ]}
    />
  );
}
