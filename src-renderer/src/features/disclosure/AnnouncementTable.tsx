import { Table, type TableProps } from 'antd';

/** An announcement's list of market entities as previewed: 10 a page with the total, no page-size choice. */
export function AnnouncementTable<T extends object>(props: TableProps<T>) {
  return (
    <Table<T>
      size="small"
      pagination={{ pageSize: 10, showTotal: (n) => `共 ${n} 户`, showSizeChanger: false }}
      {...props}
    />
  );
}
