import { Form, type FormItemProps } from 'antd';
import { TASK_FIELD_HELP } from '@shared/domain/tasks';

type Props = Omit<FormItemProps, 'name' | 'extra'> & { name: keyof typeof TASK_FIELD_HELP };

/** A task form item named as its help: the line under it is always that field's own. */
export function TaskFieldItem({ name, ...item }: Props) {
  return <Form.Item name={name} extra={TASK_FIELD_HELP[name]} {...item} />;
}
