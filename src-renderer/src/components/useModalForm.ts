import type { FormInstance, ModalProps } from 'antd';
import { useAction } from './useAction';

/**
 * A modal form's 确定: checks the fields, then sends them; `send` may answer undefined when there is nothing to send.
 * A refusal stays in `error` until the modal has closed.
 */
export function useModalForm<V>(
  form: FormInstance<V>,
  send: (values: V) => Promise<unknown> | undefined,
  onDone: () => void,
): { error: string | undefined; modalProps: ModalProps } {
  const { run, busy, error, setError } = useAction();
  async function onOk() {
    const values = await form.validateFields().catch(() => null);
    if (values === null) return;
    if (await run(async () => send(values))) onDone();
  }
  return {
    error,
    modalProps: { onOk, afterClose: () => setError(undefined), confirmLoading: busy, destroyOnHidden: true },
  };
}
