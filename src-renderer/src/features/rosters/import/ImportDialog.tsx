import { Alert, Modal, Steps } from 'antd';
import type { ImportReportView } from '@shared/domain/roster-views';
import { ROSTER_LABELS, type RosterKind } from '@shared/domain/rosters';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { chooseStep, doneStep, mappingStep, progressStep, reportStep, type StepView } from './ImportSteps';
import { type ImportFlow, type Stage, useExportProblems, useImportFlow } from './useImportFlow';

const STEP_INDEX: Record<Stage['step'], number> = {
  choose: 0,
  detecting: 0,
  mapping: 1,
  previewing: 2,
  report: 2,
  writing: 3,
  done: 4,
};

function stepView(kind: RosterKind, flow: ImportFlow, exportProblems: (report: ImportReportView) => void): StepView {
  const { stage } = flow;
  switch (stage.step) {
    case 'choose':
    case 'detecting':
      return chooseStep(kind, flow);
    case 'mapping':
      return mappingStep(kind, flow, stage);
    case 'previewing':
    case 'writing':
      return progressStep(flow, stage);
    case 'report':
      return reportStep(flow, stage, exportProblems);
    case 'done':
      return doneStep(flow, stage, exportProblems);
  }
}

/**
 * The import of one roster file, the same for all four rosters: file → detected columns (changeable) → a preview that
 * writes nothing → counts and problems → confirm (one transaction, so a cancel writes nothing) → done.
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
  const flow = useImportFlow(kind, onClose, onImported);
  const exportProblems = useExportProblems(kind);
  const { stage, error, notice } = flow;
  const busy = stage.step === 'detecting' || stage.step === 'previewing' || stage.step === 'writing';
  const file = stage.step === 'choose' ? null : stage.file;
  const { body, footer } = stepView(kind, flow, exportProblems);

  return (
    <Modal
      open={open}
      title={`导入${ROSTER_LABELS[kind]}${file ? ` — ${file.fileName}` : ''}`}
      width={1080}
      onCancel={busy ? undefined : flow.close}
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
      <ErrorAlert title="无法导入" error={error} style={{ marginBottom: 16 }} testId="import-error" />
      {notice && (
        <Alert type="warning" showIcon title={notice} style={{ marginBottom: 16 }} data-testid="import-notice" />
      )}
      {body}
    </Modal>
  );
}
