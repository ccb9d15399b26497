import { useState } from 'react';
import { Form } from 'antd';
import type { DrawView } from '@shared/domain/draws';
import type { TaskView } from '@shared/domain/tasks';
import { api } from '../../api';
import { errorText } from '../../components/files';
import type { LongStep } from './drawSteps';

export interface CommitValues {
  place: string;
  operator: string;
  supervisor: string;
  /** Once accounts exist: the supervisor's own password, typed now (also at 封存). */
  supervisorPassword?: string;
}

/** The draw's steps as actions: which one is running, its refusal, and the commit and void forms. */
export function useDrawActions(task: TaskView, draw: DrawView | null | undefined, reload: () => void) {
  const [running, setRunning] = useState<string | null>(null);
  const [longStep, setLongStep] = useState<LongStep | null>(null);
  const [error, setError] = useState<{ title: string; message: string }>();
  const [voiding, setVoiding] = useState(false);
  const [commitForm] = Form.useForm<CommitValues>();
  const [voidForm] = Form.useForm<{ reason: string }>();
  const [sealForm] = Form.useForm<{ supervisorPassword?: string }>();

  /** Runs one action; its Chinese refusal is shown as is, and nothing else changes on the page. */
  async function run(name: string, failTitle: string, action: () => Promise<unknown>, long?: LongStep) {
    setRunning(name);
    setLongStep(long ?? null);
    setError(undefined);
    try {
      await action();
      reload();
      return true;
    } catch (e) {
      setError({ title: failTitle, message: errorText(e) });
      reload();
      return false;
    } finally {
      setRunning(null);
      setLongStep(null);
    }
  }

  const current = draw && draw.state !== 'voided' ? draw : null;
  const prepare = () =>
    run('prepare', '准备未完成，没有保存任何内容', () => api()['draws:prepare']({ taskId: task.id }), 'prepare');
  const commit = async () => {
    const values = await commitForm.validateFields().catch(() => null);
    if (!values) return;
    await run('commit', '未能承诺', () => api()['draws:commit']({ drawId: current!.id, ...values }));
    // A typed password is never kept on the page, whether it was accepted or refused.
    commitForm.setFieldValue('supervisorPassword', undefined);
  };
  const reveal = () => run('reveal', '未能揭晓', () => api()['draws:reveal']({ drawId: current!.id }), 'reveal');
  const seal = async () => {
    const values = await sealForm.validateFields().catch(() => null);
    if (!values) return;
    await run('seal', '未能封存', () => api()['draws:seal']({ drawId: current!.id, ...values }), 'seal');
    sealForm.resetFields();
  };
  const voidDraw = async () => {
    const values = await voidForm.validateFields().catch(() => null);
    if (!values) return;
    const { reason } = values;
    if (await run('void', '未能作废', () => api()['draws:void']({ drawId: current!.id, reason }))) setVoiding(false);
  };
  const startVoid = () => (voidForm.resetFields(), setVoiding(true));

  return {
    current,
    running,
    busy: running !== null,
    longStep,
    error,
    commitForm,
    voidForm,
    sealForm,
    voiding,
    setVoiding,
    prepare,
    commit,
    reveal,
    seal,
    voidDraw,
    startVoid,
  };
}

export type DrawActions = ReturnType<typeof useDrawActions>;
