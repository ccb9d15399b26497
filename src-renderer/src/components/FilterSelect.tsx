import { Select } from 'antd';

interface FilterOption<V> {
  value: V;
  label: string;
}

interface Props<V> {
  /** What the list narrows to while nothing is chosen: 全部部门, 全部任务, …; clearing the choice comes back to it. */
  all: string;
  width: number;
  value: V | null | undefined;
  onChange: (value: V | undefined) => void;
  options: FilterOption<V>[];
  testId: string;
  /** Typing narrows the options: by their label, or by `filterOption` when given. */
  search?: boolean;
  filterOption?: (input: string, option?: FilterOption<V>) => boolean;
}

/** One filter of a list's toolbar: a clearable select whose empty state is 「全部…」. */
export function FilterSelect<V extends string | number>(p: Props<V>) {
  return (
    <Select<V | undefined, FilterOption<V>>
      allowClear
      showSearch={p.search}
      placeholder={p.all}
      style={{ width: p.width }}
      value={p.value}
      onChange={p.onChange}
      options={p.options}
      filterOption={p.filterOption}
      data-testid={p.testId}
    />
  );
}
