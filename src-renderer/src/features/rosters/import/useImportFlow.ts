import { useState } from 'react';
import { App } from 'antd';
import type { ImportReportView, JobProgressView } from '@shared/domain/roster-views';
import { ROSTER_LABELS, type RosterKind } from '@shared/domain/rosters';
import type { FileChoice, MappingProposalView } from '@shared/ipc/contract';
import { api } from '../../../api';
import { errorText, newJobId, saveThroughDialog } from '../../../components/files';
import { useJobProgress } from '../../../components/useJobProgress';
import type { Mapping } from './MappingStep';
import { changedChoices, type ValueChoices } from './ValueMappings';
import { formatCount } from '@shared/domain/counts';
import { refusalCode } from '../../../components/refusalAtField';

export type Stage =
  | { step: 'choose' }
  | { step: 'detecting'; file: FileChoice }
  | { step: 'mapping'; file: FileChoice; proposal: MappingProposalView }
  | { step: 'previewing'; file: FileChoice; proposal: MappingProposalView; jobId: string }
  | { step: 'report'; file: FileChoice; proposal: MappingProposalView; preview: ImportReportView }
  | { step: 'writing'; file: FileChoice; proposal: MappingProposalView; preview: ImportReportView; jobId: string }
  | { step: 'done'; file: FileChoice; preview: ImportReportView; result: ImportReportView };

const CANCELLED = 'import.cancelled';

const readProgress = (jobId: string) => api()['job:progress']({ jobId });

/** A refusal is shown as an error; a cancel only as a notice that nothing was written. */
function failureOf(e: unknown): { error?: string; notice?: string } {
  const cancelled = refusalCode(e) === CANCELLED;
  return cancelled ? { notice: '已取消，数据库未作任何修改。' } : { error: errorText(e) };
}

/** The confirm: the preview, the warning rows not accepted, and the values the clerk answered otherwise. */
function confirmRequest(report: ImportReportView, jobId: string, declined: Set<number>, choices: ValueChoices) {
  return {
    previewId: report.previewId,
    jobId,
    declineRows: [...declined],
    valueChoices: changedChoices(report.valueMappings, choices),
  };
}

/** The import's steps: choose → detect → mapping → preview → report → write → done, each step's call and its failure. */
export function useImportFlow(kind: RosterKind, onClose: () => void, onImported: () => void) {
  const [stage, setStage] = useState<Stage>({ step: 'choose' });
  const [mapping, setMapping] = useState<Mapping>({});
  const [declined, setDeclined] = useState<Set<number>>(new Set());
  const [choices, setChoices] = useState<ValueChoices>({});
  const [shown, setShown] = useState<{ error?: string; notice?: string }>({});
  const jobId = stage.step === 'previewing' || stage.step === 'writing' ? stage.jobId : null;
  const [polled, setPolled] = useState<JobProgressView | null>(null);
  useJobProgress(jobId, readProgress, setPolled);
  // A report of an earlier job is not this one's.
  const progress = polled?.jobId === jobId ? polled : null;

  // Back to the first step when the dialog closes, not when it opens: an effect on opening runs after the first
  // paint and could undo a file chosen in that moment (seen on a slow CI machine).
  const close = () => {
    setStage({ step: 'choose' });
    setShown({});
    onClose();
  };

  async function chooseFile() {
    setShown({});
    try {
      const file = await api()['dialog:open-file']({ purpose: 'import' });
      if (!file) return;
      setStage({ step: 'detecting', file });
      const proposal = await api()['roster:import-detect']({ kind, fileToken: file.token });
      setMapping(proposal.detection.mapping);
      setStage({ step: 'mapping', file, proposal });
    } catch (e) {
      setShown(failureOf(e));
      setStage({ step: 'choose' });
    }
  }

  async function preview(file: FileChoice, proposal: MappingProposalView) {
    const id = newJobId();
    setShown({});
    setStage({ step: 'previewing', file, proposal, jobId: id });
    try {
      const report = await api()['roster:import-preview']({ kind, fileToken: file.token, mapping, jobId: id });
      setDeclined(new Set());
      setChoices({});
      setStage({ step: 'report', file, proposal, preview: report });
    } catch (e) {
      setShown(failureOf(e));
      setStage({ step: 'mapping', file, proposal });
    }
  }

  async function confirm(file: FileChoice, proposal: MappingProposalView, report: ImportReportView) {
    const id = newJobId();
    setShown({});
    setStage({ step: 'writing', file, proposal, preview: report, jobId: id });
    try {
      const result = await api()['roster:import-confirm'](confirmRequest(report, id, declined, choices));
      setStage({ step: 'done', file, preview: report, result });
      onImported();
    } catch (e) {
      setShown(failureOf(e));
      setStage({ step: 'report', file, proposal, preview: report });
    }
  }

  const { error, notice } = shown;
  const flow = {
    stage,
    setStage,
    mapping,
    setMapping,
    declined,
    setDeclined,
    choices,
    setChoices,
    progress,
    error,
    notice,
  };
  return { ...flow, close, chooseFile, preview, confirm };
}

export type ImportFlow = ReturnType<typeof useImportFlow>;

/** 导出问题清单: the report's problems as an xlsx, through the save dialog. */
export function useExportProblems(kind: RosterKind) {
  const { message } = App.useApp();
  return async function exportProblems(report: ImportReportView) {
    try {
      const done = await saveThroughDialog('rejections', `${ROSTER_LABELS[kind]}-导入问题清单.xlsx`, (fileToken) =>
        api()['roster:import-rejections']({ previewId: report.previewId, fileToken }),
      );
      if (done) message.success(`已将 ${formatCount(done.rows)} 条问题导出到 ${done.fileName}`);
    } catch (e) {
      message.error(errorText(e));
    }
  };
}
