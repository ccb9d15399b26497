import { useEffect, useMemo } from 'react';
import { Form } from 'antd';
import dayjs from 'dayjs';
import type { PlanView } from '@shared/domain/plans';
import type { TaskView } from '@shared/domain/tasks';
import { api } from '../../api';
import { useAction } from '../../components/useAction';
import { formValuesOf, scopeRequestOf, taskInputOf, type TaskFormValues } from './taskForm';
import type { TaskOptions } from './useTaskOptions';

/** The task editor's form: reset to the task (or the defaults) each time it opens, watched fields, and saving. */
export function useTaskEditor(
  open: boolean,
  plan: PlanView,
  task: TaskView | null,
  options: TaskOptions,
  onSaved: (task: TaskView) => void,
) {
  const [form] = Form.useForm<TaskFormValues>();
  const { run, busy: saving, error, setError } = useAction();
  const initial = useMemo(() => formValuesOf(task, options.settings, plan.year), [task, options.settings, plan.year]);
  useEffect(() => {
    if (open) {
      form.resetFields();
      form.setFieldsValue(initial);
      setError(undefined);
    }
  }, [open, initial, form, setError]);

  const watched = {
    ratioMode: Form.useWatch('ratioMode', form),
    scopeKind: Form.useWatch('inspectorScopeKind', form),
    includeExperts: Form.useWatch('includeExperts', form),
    leadDepartment: Form.useWatch('leadDepartment', form),
    period: Form.useWatch('period', form),
  };
  const previewRequest = Form.useWatch((values: TaskFormValues) => scopeRequestOf(values), form);

  async function save() {
    setError(undefined);
    let values: TaskFormValues;
    try {
      values = await form.validateFields();
    } catch (e) {
      // The first refused field comes into view with its message (it may be far above the save button).
      const first = (e as { errorFields?: { name: (string | number)[] }[] }).errorFields?.[0];
      if (first) form.scrollToField(first.name, { block: 'center' });
      setError('请先改正标红的内容。');
      return;
    }
    await run(async () =>
      onSaved(await api()['tasks:save'](taskInputOf({ ...initial, ...values }, plan.id, task?.id))),
    );
  }

  const ended = watched.period?.[1] && watched.period[1].isBefore(dayjs(), 'day');
  return { form, initial, saving, error, save, watched, ended, previewRequest };
}

export type TaskWatched = ReturnType<typeof useTaskEditor>['watched'];
