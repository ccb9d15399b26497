import { useEffect, useMemo, useRef } from 'react';
import { Form, type FormInstance } from 'antd';
import dayjs from 'dayjs';
import type { PlanView } from '@shared/domain/plans';
import type { TaskRefusal, TaskView } from '@shared/domain/tasks';
import type { ApiError } from '@shared/ipc/client';
import { api } from '../../api';
import { refusalAtField } from '../../components/refusalAtField';
import { useAction } from '../../components/useAction';
import { formFieldOf, formValuesOf, scopeRequestOf, taskInputOf, type TaskFormValues } from './taskForm';
import type { TaskOptions } from './useTaskOptions';

const FIX_FIELDS = '请先改正标红的内容。';

/**
 * The task editor's form: reset to the task (or the defaults) each time it opens, watched fields, and saving. A
 * refusal about fields marked red (the form's own rules, or the service's naming a field) leaves the error box only
 * as long as a field is still red: it goes as soon as the clerk has corrected them.
 */
export function useTaskEditor(
  open: boolean,
  plan: PlanView,
  task: TaskView | null,
  options: TaskOptions,
  onSaved: (task: TaskView) => void,
) {
  const [form] = Form.useForm<TaskFormValues>();
  const { run, busy: saving, error, setError } = useAction();
  const aboutRedFields = useRef(false);
  const initial = useMemo(() => formValuesOf(task, options.settings, plan.year), [task, options.settings, plan.year]);
  useEffect(() => {
    if (open) {
      form.resetFields();
      form.setFieldsValue(initial);
      aboutRedFields.current = false;
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

  /** Called by the form on every change of a value or of a field's errors. */
  function onFieldsChange() {
    if (aboutRedFields.current && form.getFieldsError().every((f) => f.errors.length === 0)) {
      aboutRedFields.current = false;
      setError(undefined);
    }
  }

  async function save() {
    aboutRedFields.current = false;
    setError(undefined);
    let values: TaskFormValues;
    try {
      values = await form.validateFields();
    } catch (e) {
      // The first refused field comes into view with its message (it may be far above the save button).
      const first = (e as { errorFields?: { name: (string | number)[] }[] }).errorFields?.[0];
      if (first) form.scrollToField(first.name, { block: 'center' });
      aboutRedFields.current = true;
      setError(FIX_FIELDS);
      return;
    }
    await run(async () => {
      try {
        onSaved(await api()['tasks:save'](taskInputOf({ ...initial, ...values }, plan.id, task?.id)));
      } catch (e) {
        aboutRedFields.current = showAtField(form, e, values);
        throw e;
      }
    });
  }

  const ended = watched.period?.[1] && watched.period[1].isBefore(dayjs(), 'day');
  return { form, initial, saving, error, save, onFieldsChange, watched, ended, previewRequest };
}

/** Puts the service's refusal at the field it names, when that field is on the form; whether it could. */
function showAtField(form: FormInstance<TaskFormValues>, e: unknown, values: TaskFormValues): boolean {
  // Read by shape: the api object may come from another bundle (the e2e bridge), so instanceof ApiError can fail.
  const details = (e as Partial<ApiError> | null)?.details as Partial<TaskRefusal> | undefined;
  const refused = details?.field;
  const name = refused && formFieldOf(refused, values.ratioMode);
  if (!name) return false;
  refusalAtField(form, e, name);
  if (form.getFieldError(name).length === 0) return false;
  form.scrollToField(name, { block: 'center' });
  return true;
}

export type TaskWatched = ReturnType<typeof useTaskEditor>['watched'];
