import type { FormInstance } from 'antd';
import type { ApiError } from '@shared/ipc/client';
import { errorText } from './files';

/**
 * Shows a service's refusal at a form field: the one named, else the one its details name; whether there was one.
 * The details are read by shape: the api object may come from another bundle (the e2e bridge).
 */
export function refusalAtField(form: FormInstance, e: unknown, name?: string): boolean {
  const details = (e as Partial<ApiError> | null)?.details as { field?: unknown } | undefined;
  const field = name ?? details?.field;
  if (typeof field !== 'string') return false;
  form.setFields([{ name: field, errors: [errorText(e)] }]);
  return true;
}

/** The refusal's code, read by shape for the same reason. */
export const refusalCode = (e: unknown): string | undefined => (e as Partial<ApiError> | null)?.code;
