import { Alert, Card, Select, Space, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import type { SheetDrawView } from '@shared/ipc/channels/sheets';
import { api } from '../../api';
import { NoSealedDraw } from '../../components/NoSealedDraw';
import { useApiCall } from '../../components/useApiCall';
import { SheetDrawSummary } from './SheetDrawSummary';
import { SheetExportCard } from './SheetExportCard';
import { exportingDrawId, useSheetExport } from './useSheetExport';

const drawLabel = (d: SheetDrawView) =>
  `${d.taskNumber} ${d.taskName}（${d.entities} 户，${d.packages.length} 个名单包）`;

/** 一户一表: pick a sealed draw (?draw=ID, else the one being exported, else the newest), see its 名单包 and teams, export all its sheets. */
export function SheetsPage() {
  const [params, setParams] = useSearchParams();
  const { data, error } = useApiCall(() => api()['sheets:draws']({}), []);
  const asked = Number(params.get('draw')) || exportingDrawId();
  const draw = data?.find((d) => d.drawId === asked) ?? data?.[0] ?? null;
  const exporter = useSheetExport(draw?.drawId ?? null);
  const running = exporter.state.phase === 'running';

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="sheets-page">
      <Card size="small">
        <Space wrap>
          <Typography.Text strong>已封存的抽取</Typography.Text>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: 640 }}
            placeholder="选择要导出一户一表的抽查任务"
            value={draw?.drawId}
            disabled={running || !data?.length}
            onChange={(id: number) => setParams({ draw: String(id) })}
            options={(data ?? []).map((d) => ({ value: d.drawId, label: drawLabel(d) }))}
            data-testid="sheets-draw-select"
          />
        </Space>
        {error && (
          <Alert style={{ marginTop: 12 }} type="error" showIcon title="无法读取已封存的抽取" description={error} />
        )}
      </Card>
      {data && data.length === 0 && (
        <NoSealedDraw
          testId="sheets-none"
          message="还没有已封存的抽取，暂不能导出一户一表。请先在「年度抽查计划」中编制并公示计划，再到「随机抽取」中完成抽取并封存。"
        />
      )}
      {draw && (
        <>
          <SheetExportCard key={draw.drawId} draw={draw} exporter={exporter} />
          <SheetDrawSummary draw={draw} />
        </>
      )}
    </Space>
  );
}
