import { useState } from 'react';
import { Form } from 'antd';
import type { DrawView, TeamMemberView } from '@shared/domain/draws';
import { api } from '../../api';
import { useAction } from '../../components/useAction';

export interface AmendTarget {
  packageNo: number;
  member: TeamMemberView;
}

/** 递补 of one team member: the member chosen, the reason form, and the call. */
export function useAmend(draw: DrawView, onAmended: () => void) {
  const [target, setTarget] = useState<AmendTarget | null>(null);
  const { run, busy: saving, error, setError } = useAction();
  const [form] = Form.useForm<{ reason: string }>();

  async function amend() {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    const { reason } = values;
    await run(async () => {
      await api()['draws:amend']({ drawId: draw.id, packageNo: target!.packageNo, out: target!.member.id, reason });
      setTarget(null);
      onAmended();
    });
  }

  function start(next: AmendTarget) {
    form.resetFields();
    setError(undefined);
    setTarget(next);
  }

  return { target, saving, error, form, amend, start, cancel: () => setTarget(null) };
}

export type Amend = ReturnType<typeof useAmend>;
