import type { FormRule } from 'antd';
import type { NamePath } from 'antd/es/form/interface';
import { numberProblem, percentProblem, type NumberRule } from '@shared/domain/number-rules';

/**
 * A form rule from a field's number rule: the sentence the request schema would refuse with appears at the field as
 * the clerk types. Inputs take no min, max or precision of their own, since InputNumber would silently move the
 * typed value into range on blur; the typed value stays visible with the message.
 */
export function checkRule(problem: (value: unknown) => string | null): FormRule {
  return {
    validator: async (_rule, value: unknown) => {
      const message = problem(value);
      if (message) throw new Error(message);
    },
  };
}

export const numberRule = (rule: NumberRule): FormRule => checkRule((v) => numberProblem(rule, v));

/** A ratio typed in percent, checked by its rule in basis points. */
export const percentRule = (rule: NumberRule): FormRule => checkRule((v) => percentProblem(rule, v));

/** A rule that reads other fields too (declare them in the item's `dependencies`, so it runs again when they change). */
export function crossRule(problem: (value: unknown, field: (name: NamePath) => unknown) => string | null): FormRule {
  return ({ getFieldValue }) => ({
    validator: async (_rule, value: unknown) => {
      const message = problem(value, getFieldValue);
      if (message) throw new Error(message);
    },
  });
}
