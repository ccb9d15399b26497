import type { ReactNode } from 'react';
import { Alert, Button, Progress, Result, Space, Typography } from 'antd';
import { FileExcelOutlined, UploadOutlined } from '@ant-design/icons';
import type { ImportReportView } from '@shared/domain/roster-views';
import { ROSTER_LABELS, type RosterKind } from '@shared/domain/rosters';
import { api } from '../../../api';
import { MappingStep, missingRequired } from './MappingStep';
import { acceptableRows, ImportCounts, ProblemsTable } from './ReportView';
import type { ImportFlow, Stage } from './useImportFlow';
import { rowsLeftOut, ValueMappings } from './ValueMappings';
import { formatCount } from '@shared/domain/counts';

/** One step of the import dialog: what the modal shows and the buttons in its footer. */
export interface StepView {
  body: ReactNode;
  footer: ReactNode[];
}

type StageOf<S extends Stage['step']> = Extract<Stage, { step: S }>;
type Export = (report: ImportReportView) => void;

export function chooseStep(kind: RosterKind, flow: ImportFlow): StepView {
  return {
    body: (
      <Result
        icon={<FileExcelOutlined />}
        title={`从 Excel 或 CSV 文件导入${ROSTER_LABELS[kind]}`}
        subTitle="支持 .xlsx、.xls 和 .csv（UTF-8 或 GBK）文件。程序会自动找到表头并对应各列，导入前先预览，确认后才写入。"
        extra={
          <Button
            type="primary"
            size="large"
            icon={<UploadOutlined />}
            loading={flow.stage.step === 'detecting'}
            onClick={flow.chooseFile}
            data-testid="import-choose"
          >
            选择文件…
          </Button>
        }
      />
    ),
    footer: [
      <Button key="close" onClick={flow.close}>
        关闭
      </Button>,
    ],
  };
}

export function mappingStep(kind: RosterKind, flow: ImportFlow, stage: StageOf<'mapping'>): StepView {
  const missing = missingRequired(kind, flow.mapping);
  return {
    body: <MappingStep kind={kind} proposal={stage.proposal} mapping={flow.mapping} onChange={flow.setMapping} />,
    footer: [
      <Button key="back" onClick={flow.chooseFile}>
        重新选择文件
      </Button>,
      <Button
        key="next"
        type="primary"
        disabled={missing.length > 0}
        onClick={() => flow.preview(stage.file, stage.proposal)}
        data-testid="import-preview"
      >
        预览导入结果
      </Button>,
    ],
  };
}

export function progressStep(flow: ImportFlow, stage: StageOf<'previewing' | 'writing'>): StepView {
  const { progress, declined } = flow;
  const writing = stage.step === 'writing';
  const c = writing ? stage.preview.counts : null;
  const leftOut = writing ? declined.size + rowsLeftOut(stage.preview.valueMappings, flow.choices) : 0;
  const toWrite = c ? c.new + c.updated + c.unchanged - leftOut : 0;
  const done = writing ? (progress?.rowsWritten ?? 0) : (progress?.rowsRead ?? 0);
  return {
    body: (
      <Space
        orientation="vertical"
        size="large"
        style={{ width: '100%', padding: '48px 24px' }}
        data-testid="import-progress"
      >
        <Typography.Title level={4} style={{ textAlign: 'center' }}>
          {writing ? '正在写入数据库…' : '正在读取文件并与名录比对（不写入）…'}
        </Typography.Title>
        <Progress
          percent={writing && toWrite > 0 ? Math.min(99, Math.floor((done * 100) / toWrite)) : 100}
          status="active"
          showInfo={writing}
        />
        <Typography.Paragraph style={{ textAlign: 'center' }} data-testid="import-progress-text">
          {writing ? `已写入 ${formatCount(done)} / ${formatCount(toWrite)} 条` : `已读取 ${formatCount(done)} 行`}
          <br />
          <Typography.Text type="secondary">
            {writing ? '全部写入后一次提交；取消则数据库保持原样。' : '预览不会修改数据库。'}
          </Typography.Text>
        </Typography.Paragraph>
      </Space>
    ),
    footer: [
      <Button
        key="cancel"
        danger
        onClick={() => void api()['roster:import-cancel']({ jobId: stage.jobId })}
        data-testid="import-cancel"
      >
        取消{writing ? '导入' : '预览'}
      </Button>,
    ],
  };
}

export function reportStep(flow: ImportFlow, stage: StageOf<'report'>, exportProblems: Export): StepView {
  const { declined } = flow;
  const r = stage.preview;
  const toWrite = r.counts.new + r.counts.updated;
  const declinedCount = [...declined].filter((row) => acceptableRows(r.problems).has(row)).length;
  const leftOut = rowsLeftOut(r.valueMappings, flow.choices);
  return {
    body: (
      <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="import-report">
        <Alert type="info" showIcon title="以下是预览结果，数据库尚未修改。确认后才会写入。" />
        <ImportCounts report={r} />
        <ValueMappings kind={r.kind} mappings={r.valueMappings} choices={flow.choices} onChange={flow.setChoices} />
        <ProblemsTable report={r} declined={declined} onDeclinedChange={flow.setDeclined} />
      </Space>
    ),
    footer: [
      <ExportProblemsButton key="problems" report={r} onExport={exportProblems} />,
      <Button key="back" onClick={() => flow.setStage({ step: 'mapping', file: stage.file, proposal: stage.proposal })}>
        返回修改列对应
      </Button>,
      <Button
        key="confirm"
        type="primary"
        disabled={toWrite === 0}
        onClick={() => flow.confirm(stage.file, stage.proposal, r)}
        data-testid="import-confirm"
      >
        {toWrite === 0 ? '没有需要写入的记录' : `确认导入${leftOutText(declinedCount, leftOut)}`}
      </Button>,
    ],
  };
}

export function doneStep(flow: ImportFlow, stage: StageOf<'done'>, exportProblems: Export): StepView {
  const c = stage.result.counts;
  return {
    body: (
      <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="import-done">
        <Result
          status="success"
          title="导入完成"
          subTitle={`新增 ${formatCount(c.new)} 条，更新 ${formatCount(c.updated)} 条，无变化 ${formatCount(c.unchanged)} 条，未导入 ${formatCount(c.rejected)} 条。已记入操作日志。`}
        />
        <ImportCounts report={stage.result} />
        <ValueMappings kind={stage.result.kind} mappings={stage.result.valueMappings} />
        {stage.result.problems.length > 0 && <ProblemsTable report={stage.result} />}
      </Space>
    ),
    footer: [
      <ExportProblemsButton key="problems" report={stage.result} onExport={exportProblems} />,
      <Button key="close" type="primary" onClick={flow.close} data-testid="import-close">
        完成
      </Button>,
    ],
  };
}

/** 「（1 行不接受）」, 「（2 行按取值不导入）」, both, or nothing. */
function leftOutText(declined: number, byValue: number): string {
  const parts = [
    declined > 0 ? `${formatCount(declined)} 行不接受` : '',
    byValue > 0 ? `${formatCount(byValue)} 行按取值不导入` : '',
  ];
  const shown = parts.filter(Boolean).join('，');
  return shown ? `（${shown}）` : '';
}

function ExportProblemsButton({ report, onExport }: { report: ImportReportView; onExport: Export }) {
  return (
    <Button
      disabled={report.problems.length === 0}
      onClick={() => onExport(report)}
      data-testid="import-export-problems"
    >
      导出问题清单
    </Button>
  );
}
