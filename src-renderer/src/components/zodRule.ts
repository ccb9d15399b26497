import type { FormRule } from 'antd';
import { z } from 'zod';

// No `new Function` probe under the app's CSP (zod would try it once and the browser would report a violation).
z.config({ jitless: true });

/**
 * A form rule that runs the very schema the IPC channel parses with, so the form shows the same Chinese message
 * the program would refuse the value with. `toValue` turns the form's value into what is sent ('' → null …).
 */
export function zodRule(schema: z.ZodType, toValue: (v: unknown) => unknown = (v) => v): FormRule {
  return {
    validator: async (_rule, value: unknown) => {
      const result = schema.safeParse(toValue(value));
      if (!result.success) throw new Error(result.error.issues[0]?.message ?? '填写的内容不正确');
    },
  };
}
