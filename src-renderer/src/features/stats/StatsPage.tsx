import { useState } from 'react';
import { App, Button, Card, Empty, Select, Space, Typography } from 'antd';
import { FileExcelOutlined, FilePdfOutlined } from '@ant-design/icons';
import type { StatsView } from '@shared/domain/stats';
import { api } from '../../api';
import { errorText, saveThroughDialog } from '../../components/files';
import { FilterSelect } from '../../components/FilterSelect';
import { useApiCall } from '../../components/useApiCall';
import { StatsCharts } from './StatsCharts';
import { FigureCards, FigureTable } from './StatsFigures';
import { ErrorAlert } from '../../components/ErrorAlert';

interface Filter {
  year?: number;
  department: string | null;
  office: string | null;
}

function useExport(view: StatsView | undefined) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState<'pdf' | 'xlsx'>();
  const run = async (format: 'pdf' | 'xlsx') => {
    if (!view) return;
    const name = format === 'pdf' ? `${view.year}年度统计分析.pdf` : `${view.year}年度统计指标.xlsx`;
    setBusy(format);
    try {
      const done = await saveThroughDialog(format === 'pdf' ? 'stats-pdf' : 'stats-xlsx', name, (fileToken) =>
        api()['stats:export']({ year: view.year, ...view.filter, format, fileToken }),
      );
      if (done) message.success(`已导出：${done.fileName}`);
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(undefined);
    }
  };
  return { run, busy };
}

/** The years with a task, and the year shown even when it has none (today's, on an empty database). */
function yearOptions(view?: StatsView) {
  const years = view ? [...new Set([view.year, ...view.years])].sort((a, b) => b - a) : [];
  return years.map((y) => ({ value: y, label: `${y}年度` }));
}

/** The two ways to narrow the year's figures: to one department, to one 管辖单位. */
const FACETS = [
  { key: 'department', all: '全部部门', width: 220, list: 'departments' },
  { key: 'office', all: '全部管辖单位', width: 200, list: 'offices' },
] as const;

const EXPORTS = [
  { format: 'pdf', label: '导出报告（PDF）', icon: <FilePdfOutlined /> },
  { format: 'xlsx', label: '导出指标（Excel）', icon: <FileExcelOutlined /> },
] as const;

function Filters({ view, filter, set }: { view?: StatsView; filter: Filter; set: (f: Filter) => void }) {
  const exporter = useExport(view);
  const none = !view || view.empty !== null;
  return (
    <Space wrap>
      <Select
        style={{ width: 120 }}
        value={view?.year ?? filter.year}
        onChange={(year) => set({ year, department: null, office: null })}
        options={yearOptions(view)}
        data-testid="stats-year"
      />
      {FACETS.map((f) => (
        <FilterSelect
          key={f.key}
          all={f.all}
          width={f.width}
          value={filter[f.key]}
          onChange={(value) => set({ ...filter, [f.key]: value ?? null })}
          options={(view?.[f.list] ?? []).map((v) => ({ value: v, label: v }))}
          testId={`stats-${f.key}`}
        />
      ))}
      {EXPORTS.map((e) => (
        <Button
          key={e.format}
          icon={e.icon}
          disabled={none}
          loading={exporter.busy === e.format}
          onClick={() => exporter.run(e.format)}
        >
          {e.label}
        </Button>
      ))}
    </Space>
  );
}

/** 统计分析: the year's figures (each with its formula on hover), per department and 管辖单位, and the charts. */
export function StatsPage() {
  const [filter, setFilter] = useState<Filter>({ department: null, office: null });
  const { data, error, loading } = useApiCall(
    () => api()['stats:view']({ year: filter.year, department: filter.department, office: filter.office }),
    [filter.year, filter.department, filter.office],
  );
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="stats-page">
      <Card size="small" loading={loading && !data}>
        <Space orientation="vertical" size={4}>
          <Filters view={data} filter={filter} set={setFilter} />
          {data && !data.empty && (
            <Typography.Text type="secondary">
              统计日期：{data.today}。按时公示以检查完成之日起的工作日计算；尚未到期且未公示的结果不计入。
            </Typography.Text>
          )}
        </Space>
      </Card>
      {error && <ErrorAlert title="无法读取统计数据" error={error} />}
      {data?.empty && (
        <Card>
          <Empty description={<span data-testid="stats-empty">{data.empty}</span>} />
        </Card>
      )}
      {data && !data.empty && (
        <>
          <FigureCards row={data.rows[0]} />
          <Card size="small" title="各部门、各管辖单位">
            <FigureTable rows={data.rows} />
          </Card>
          <StatsCharts charts={data.charts} />
        </>
      )}
    </Space>
  );
}
