import { Table, type TableProps } from 'antd';

/** A short list shown whole: a small table without paging. */
export function ListTable<T extends object>(props: TableProps<T>) {
  return <Table<T> size="small" pagination={false} {...props} />;
}
