import { useState } from 'react';
import { App, Form } from 'antd';
import type { PlanView } from '@shared/domain/plans';
import { api } from '../../api';
import { errorText } from '../../components/files';

export interface RenameValues {
  title: string;
  changeReason?: string;
}

/** The rename modal's state: open it filled with the plan's title, save the new title (with a reason once published). */
export function usePlanRename(planId: number, plan: PlanView | undefined, changed: () => void) {
  const { message } = App.useApp();
  const [renaming, setRenaming] = useState(false);
  const [renameForm] = Form.useForm<RenameValues>();

  function startRename() {
    renameForm.setFieldsValue({ title: plan!.title, changeReason: '' });
    setRenaming(true);
  }

  async function rename() {
    const values = await renameForm.validateFields().catch(() => null);
    if (!values) return;
    try {
      await api()['plans:save']({
        id: planId,
        year: plan!.year,
        title: values.title,
        changeReason: values.changeReason,
      });
      setRenaming(false);
      changed();
    } catch (e) {
      message.error(errorText(e));
    }
  }

  return { renaming, renameForm, startRename, rename, cancelRename: () => setRenaming(false) };
}
