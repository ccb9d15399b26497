import { useState } from 'react';
import { Alert, List, Radio, Space, Typography } from 'antd';
import type { SheetDrawView, SheetExportProgress, SheetFormat } from '@shared/ipc/channels/sheets';
import { JobCard } from '../../components/JobCard';
import { JobProgressBar } from '../../components/JobProgressBar';
import type { SheetExportState, useSheetExport } from './useSheetExport';

const FORMATS: { value: SheetFormat; label: string }[] = [
  { value: 'both', label: 'PDF 和 Excel' },
  { value: 'pdf', label: '仅 PDF' },
  { value: 'xlsx', label: '仅 Excel' },
];

/** 导出全部: the format, the folder dialog, the progress with 取消, then the files written (names only). */
export function SheetExportCard({
  draw,
  exporter,
}: {
  draw: SheetDrawView;
  exporter: ReturnType<typeof useSheetExport>;
}) {
  const [format, setFormat] = useState<SheetFormat>('both');
  const { state } = exporter;
  const running = state.phase === 'running';
  return (
    <JobCard
      title="导出全部一户一表"
      testId="sheets-export"
      about={
        <>
          每个名单包导出一个 PDF（随机抽查通知书和一户一表）和一个 Excel 工作簿（每户一张工作表），另有一个包含全部{' '}
          {draw.entities} 户的 PDF，供各检查组分别打印。导出过程中可以取消，取消后本次已写入的文件会被删除。
        </>
      }
      start={{ label: '选择文件夹并导出', testId: 'sheets-export-start', onClick: () => void exporter.start(format) }}
      running={running}
      outcome={<ExportState state={state} onCancel={() => void exporter.cancel()} />}
    >
      <Radio.Group
        optionType="button"
        options={FORMATS}
        value={format}
        disabled={running}
        onChange={(e) => setFormat(e.target.value as SheetFormat)}
        data-testid="sheets-format"
      />
    </JobCard>
  );
}

function ExportState({ state, onCancel }: { state: SheetExportState; onCancel: () => void }) {
  if (state.phase === 'running')
    return <Running progress={state.progress} cancelling={state.cancelling} onCancel={onCancel} />;
  if (state.phase === 'failed')
    return <Alert type="error" showIcon title="导出失败" description={state.message} data-testid="sheets-failed" />;
  if (state.phase !== 'finished') return null;
  const { result } = state;
  if (result.outcome === 'cancelled')
    return (
      <Alert
        type="warning"
        showIcon
        title="已取消导出"
        description={`本次已写入的 ${result.removed} 个文件已删除，文件夹「${result.folderName}」中没有留下本次导出的文件。`}
        data-testid="sheets-cancelled"
      />
    );
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Alert
        type="success"
        showIcon
        title={`已导出 ${result.files.length} 个文件到文件夹「${result.folderName}」`}
        data-testid="sheets-done"
      />
      <List
        size="small"
        bordered
        dataSource={result.files}
        renderItem={(name) => <List.Item>{name}</List.Item>}
        style={{ maxHeight: 240, overflow: 'auto' }}
        data-testid="sheets-files"
      />
    </Space>
  );
}

function Running({
  progress,
  cancelling,
  onCancel,
}: {
  progress: SheetExportProgress | null;
  cancelling: boolean;
  onCancel: () => void;
}) {
  return (
    <div data-testid="sheets-running">
      <JobProgressBar
        percent={progress?.percent ?? 0}
        width={560}
        cancelling={cancelling}
        onCancel={onCancel}
        cancelTestId="sheets-export-cancel"
        progressTestId="sheets-progress"
        style={{ width: '100%' }}
      />
      <Typography.Text type="secondary" data-testid="sheets-progress-text">
        {progress
          ? `已写入 ${progress.filesDone}/${progress.filesTotal} 个文件，已完成 ${progress.entitiesDone}/${progress.entitiesTotal} 户` +
            (progress.current ? `；正在生成「${progress.current}」` : '')
          : '正在读取抽取结果…'}
        {cancelling && '（正在停止，并删除本次已写入的文件）'}
      </Typography.Text>
    </div>
  );
}
