import type { FormRule } from 'antd';

/** A text the clerk must fill in: blank or spaces alone are refused with the message. */
export const filledRule = (message: string): FormRule => ({ required: true, whitespace: true, message });
