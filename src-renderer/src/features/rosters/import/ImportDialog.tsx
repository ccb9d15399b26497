import { useState } from 'react';
import { Alert, App, Button, Modal, Progress, Result, Space, Steps, Typography } from 'antd';
import { FileExcelOutlined, UploadOutlined } from '@ant-design/icons';
import type { ImportReportView } from '@shared/domain/roster-views';
import { ROSTER_LABELS, type RosterKind } from '@shared/domain/rosters';
import type { FileChoice, MappingProposalView } from '@shared/ipc/contract';
import { api } from '../../../api';
import { errorText, newJobId, saveThroughDialog } from '../../../components/files';
import { MappingStep, missingRequired, type Mapping } from './MappingStep';
import { acceptableRows, ImportCounts, ProblemsTable } from './ReportView';
import { useJobProgress } from './useJobProgress';

type Stage =
  | { step: 'choose' }
  | { step: 'detecting'; file: FileChoice }
  | { step: 'mapping'; file: FileChoice; proposal: MappingProposalView }
  | { step: 'previewing'; file: FileChoice; proposal: MappingProposalView; jobId: string }
  | { step: 'report'; file: FileChoice; proposal: MappingProposalView; preview: ImportReportView }
  | { step: 'writing'; file: FileChoice; proposal: MappingProposalView; preview: ImportReportView; jobId: string }
  | { step: 'done'; file: FileChoice; preview: ImportReportView; result: ImportReportView };

const STEP_INDEX: Record<Stage['step'], number> = {
  choose: 0,
  detecting: 0,
  mapping: 1,
  previewing: 2,
  report: 2,
  writing: 3,
  done: 4,
};
const CANCELLED = 'import.cancelled';

/**
 * The import of one roster file, the same for all four rosters: choose the file (the open dialog in main) →
 * the detected header and the column of every field, changeable → a preview that writes nothing (rows read,
 * cancellable) → the counts and every problem with its row, column and reason, the rejected-rows xlsx → confirm
 * (rows written, cancellable; one transaction, so a cancel writes nothing) → done.
 */
export function ImportDialog({
  kind,
  open,
  onClose,
  onImported,
}: {
  kind: RosterKind;
  open: boolean;
  onClose: () => void;
  onImported: () => void;
}) {
  const { message } = App.useApp();
  const [stage, setStage] = useState<Stage>({ step: 'choose' });
  const [mapping, setMapping] = useState<Mapping>({});
  const [declined, setDeclined] = useState<Set<number>>(new Set());
  const [error, setError] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const jobId = stage.step === 'previewing' || stage.step === 'writing' ? stage.jobId : null;
  const progress = useJobProgress(jobId);

  // Back to the first step when the dialog closes, not when it opens: an effect on opening runs after the first
  // paint and could undo a file chosen in that moment (seen on a slow CI machine).
  const close = () => {
    setStage({ step: 'choose' });
    setError(undefined);
    setNotice(undefined);
    onClose();
  };

  const label = ROSTER_LABELS[kind];
  const fail = (e: unknown) => {
    const text = errorText(e);
    const cancelled = (e as { code?: string }).code === CANCELLED;
    setError(cancelled ? undefined : text);
    setNotice(cancelled ? '已取消,数据库未作任何修改。' : undefined);
  };

  async function chooseFile() {
    setError(undefined);
    setNotice(undefined);
    try {
      const file = await api()['dialog:open-file']({ purpose: 'import' });
      if (!file) return;
      setStage({ step: 'detecting', file });
      const proposal = await api()['roster:import-detect']({ kind, fileToken: file.token });
      setMapping(proposal.detection.mapping);
      setStage({ step: 'mapping', file, proposal });
    } catch (e) {
      fail(e);
      setStage({ step: 'choose' });
    }
  }

  async function preview(file: FileChoice, proposal: MappingProposalView) {
    const id = newJobId();
    setError(undefined);
    setNotice(undefined);
    setStage({ step: 'previewing', file, proposal, jobId: id });
    try {
      const report = await api()['roster:import-preview']({ kind, fileToken: file.token, mapping, jobId: id });
      setDeclined(new Set());
      setStage({ step: 'report', file, proposal, preview: report });
    } catch (e) {
      fail(e);
      setStage({ step: 'mapping', file, proposal });
    }
  }

  async function confirm(file: FileChoice, proposal: MappingProposalView, report: ImportReportView) {
    const id = newJobId();
    setError(undefined);
    setNotice(undefined);
    setStage({ step: 'writing', file, proposal, preview: report, jobId: id });
    try {
      const result = await api()['roster:import-confirm']({
        previewId: report.previewId,
        jobId: id,
        declineRows: [...declined],
      });
      setStage({ step: 'done', file, preview: report, result });
      onImported();
    } catch (e) {
      fail(e);
      setStage({ step: 'report', file, proposal, preview: report });
    }
  }

  async function exportProblems(report: ImportReportView) {
    try {
      const done = await saveThroughDialog('rejections', `${label}-导入问题清单.xlsx`, (fileToken) =>
        api()['roster:import-rejections']({ previewId: report.previewId, fileToken }),
      );
      if (done) message.success(`已将 ${done.rows} 条问题导出到 ${done.fileName}`);
    } catch (e) {
      message.error(errorText(e));
    }
  }

  const busy = stage.step === 'detecting' || stage.step === 'previewing' || stage.step === 'writing';
  const file = stage.step === 'choose' ? null : stage.file;

  let body: React.ReactNode;
  let footer: React.ReactNode[] = [];
  switch (stage.step) {
    case 'choose':
    case 'detecting':
      body = (
        <Result
          icon={<FileExcelOutlined />}
          title={`从 Excel 或 CSV 文件导入${label}`}
          subTitle="支持 .xlsx、.xls 和 .csv(UTF-8 或 GBK)文件。程序会自动找到表头并对应各列,导入前先预览,确认后才写入。"
          extra={
            <Button
              type="primary"
              size="large"
              icon={<UploadOutlined />}
              loading={stage.step === 'detecting'}
              onClick={chooseFile}
              data-testid="import-choose"
            >
              选择文件…
            </Button>
          }
        />
      );
      footer = [
        <Button key="close" onClick={close}>
          关闭
        </Button>,
      ];
      break;
    case 'mapping': {
      const missing = missingRequired(kind, mapping);
      body = <MappingStep kind={kind} proposal={stage.proposal} mapping={mapping} onChange={setMapping} />;
      footer = [
        <Button key="back" onClick={chooseFile}>
          重新选择文件
        </Button>,
        <Button
          key="next"
          type="primary"
          disabled={missing.length > 0}
          onClick={() => preview(stage.file, stage.proposal)}
          data-testid="import-preview"
        >
          预览导入结果
        </Button>,
      ];
      break;
    }
    case 'previewing':
    case 'writing': {
      const writing = stage.step === 'writing';
      const toWrite = writing
        ? stage.preview.counts.new + stage.preview.counts.updated + stage.preview.counts.unchanged - declined.size
        : 0;
      const done = writing ? (progress?.rowsWritten ?? 0) : (progress?.rowsRead ?? 0);
      body = (
        <Space
          orientation="vertical"
          size="large"
          style={{ width: '100%', padding: '48px 24px' }}
          data-testid="import-progress"
        >
          <Typography.Title level={4} style={{ textAlign: 'center' }}>
            {writing ? '正在写入数据库…' : '正在读取文件并与名录比对(不写入)…'}
          </Typography.Title>
          <Progress
            percent={writing && toWrite > 0 ? Math.min(99, Math.floor((done * 100) / toWrite)) : 100}
            status="active"
            showInfo={writing}
          />
          <Typography.Paragraph style={{ textAlign: 'center' }} data-testid="import-progress-text">
            {writing
              ? `已写入 ${done.toLocaleString('zh-CN')} / ${toWrite.toLocaleString('zh-CN')} 条`
              : `已读取 ${done.toLocaleString('zh-CN')} 行`}
            <br />
            <Typography.Text type="secondary">
              {writing ? '全部写入后一次提交;取消则数据库保持原样。' : '预览不会修改数据库。'}
            </Typography.Text>
          </Typography.Paragraph>
        </Space>
      );
      footer = [
        <Button
          key="cancel"
          danger
          onClick={() => void api()['roster:import-cancel']({ jobId: stage.jobId })}
          data-testid="import-cancel"
        >
          取消{writing ? '导入' : '预览'}
        </Button>,
      ];
      break;
    }
    case 'report': {
      const r = stage.preview;
      const toWrite = r.counts.new + r.counts.updated;
      const declinedCount = [...declined].filter((row) => acceptableRows(r.problems).has(row)).length;
      body = (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="import-report">
          <Alert type="info" showIcon title="以下是预览结果,数据库尚未修改。确认后才会写入。" />
          <ImportCounts report={r} />
          <ProblemsTable report={r} declined={declined} onDeclinedChange={setDeclined} />
        </Space>
      );
      footer = [
        <Button
          key="problems"
          disabled={r.problems.length === 0}
          onClick={() => exportProblems(r)}
          data-testid="import-export-problems"
        >
          导出问题清单
        </Button>,
        <Button key="back" onClick={() => setStage({ step: 'mapping', file: stage.file, proposal: stage.proposal })}>
          返回修改列对应
        </Button>,
        <Button
          key="confirm"
          type="primary"
          disabled={toWrite === 0}
          onClick={() => confirm(stage.file, stage.proposal, r)}
          data-testid="import-confirm"
        >
          {toWrite === 0 ? '没有需要写入的记录' : `确认导入${declinedCount > 0 ? `(${declinedCount} 行不接受)` : ''}`}
        </Button>,
      ];
      break;
    }
    case 'done': {
      const c = stage.result.counts;
      body = (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="import-done">
          <Result
            status="success"
            title="导入完成"
            subTitle={`新增 ${c.new} 条,更新 ${c.updated} 条,无变化 ${c.unchanged} 条,未导入 ${c.rejected} 条。已记入操作日志。`}
          />
          <ImportCounts report={stage.result} />
          {stage.result.problems.length > 0 && <ProblemsTable report={stage.result} />}
        </Space>
      );
      footer = [
        <Button
          key="problems"
          disabled={stage.result.problems.length === 0}
          onClick={() => exportProblems(stage.result)}
          data-testid="import-export-problems"
        >
          导出问题清单
        </Button>,
        <Button key="close" type="primary" onClick={close} data-testid="import-close">
          完成
        </Button>,
      ];
      break;
    }
  }

  return (
    <Modal
      open={open}
      title={`导入${label}${file ? ` — ${file.fileName}` : ''}`}
      width={1080}
      onCancel={busy ? undefined : close}
      closable={!busy}
      mask={{ closable: false }}
      footer={footer}
      destroyOnHidden
      // The body scrolls, the footer (confirm, cancel) stays in view.
      styles={{ body: { maxHeight: 'calc(100vh - 240px)', overflowY: 'auto', overflowX: 'hidden' } }}
      style={{ top: 40 }}
      modalRender={(node) => <div data-testid="import-dialog">{node}</div>}
    >
      <Steps
        size="small"
        current={STEP_INDEX[stage.step]}
        style={{ marginBottom: 20 }}
        items={[{ title: '选择文件' }, { title: '核对列' }, { title: '预览' }, { title: '写入' }, { title: '完成' }]}
      />
      {error && (
        <Alert
          type="error"
          showIcon
          title="无法导入"
          description={error}
          style={{ marginBottom: 16 }}
          data-testid="import-error"
        />
      )}
      {notice && (
        <Alert type="warning" showIcon title={notice} style={{ marginBottom: 16 }} data-testid="import-notice" />
      )}
      {body}
    </Modal>
  );
}
