import { useState } from 'react';
import { App } from 'antd';
import { api } from '../../../api';
import { errorText, saveThroughDialog } from '../../../components/files';
import { useApiCall } from '../../../components/useApiCall';
import { useDebouncedValue } from '../../../components/useDebouncedValue';
import { usePaging } from '../../../components/usePaging';
import type { RosterConfig, RosterFilters, RosterRow, SortField } from './types';
import { formatCount } from '@shared/domain/counts';

export type RosterSort = { field: SortField; direction: 'asc' | 'desc' } | undefined;

/**
 * The roster's page as one roster:query of page, sort, filters and (debounced) search; any change of condition goes
 * back to page 1. `changes` counts the edits made here, so both the page and the filter options reload after one.
 */
export function useRosterQuery<R extends RosterRow>(config: RosterConfig<R>, version: number, changes: number) {
  const { page, pageSize, setPage, pagination } = usePaging(50, [20, 50, 100, 200]);
  const [sort, setSort] = useState<RosterSort>();
  const [filters, setFilters] = useState<RosterFilters>({});
  const [searchText, setSearchText] = useState('');
  const search = useDebouncedValue(searchText.trim(), 300);

  const queryKey = JSON.stringify([config.roster, page, pageSize, search, sort, filters, version, changes]);
  const { data, error, loading } = useApiCall(
    () => api()['roster:query']({ roster: config.roster, page, pageSize, search: search || undefined, sort, filters }),
    [queryKey],
  );
  const { data: options } = useApiCall(
    () => api()['roster:filter-options']({ roster: config.roster }),
    [config.roster, version, changes],
  );

  const setFilter = (key: keyof RosterFilters, values: string[]) => {
    setFilters((f) => {
      const next = { ...f, [key]: values };
      if (values.length === 0) delete next[key];
      return next;
    });
    setPage(1);
  };
  const typeSearch = (text: string) => {
    setSearchText(text);
    setPage(1);
  };
  const clear = () => {
    setFilters({});
    setSearchText('');
    setPage(1);
  };
  const sortBy = (next: RosterSort) => {
    setSort(next);
    setPage(1);
  };

  const activeFilters = Object.keys(filters).length > 0 || searchText !== '';
  const conditions = { search, sort, filters, searchText, activeFilters };
  return { ...conditions, data, error, loading, options, pagination, setFilter, typeSearch, clear, sortBy };
}

export type RosterQueryState = ReturnType<typeof useRosterQuery>;

/** 导出当前筛选结果: the whole filtered, sorted view as xlsx, through the save dialog. */
export function useRosterExport<R extends RosterRow>(config: RosterConfig<R>, query: RosterQueryState) {
  const { message } = App.useApp();
  const [exporting, setExporting] = useState(false);
  const { search, sort, filters } = query;
  async function exportView() {
    setExporting(true);
    try {
      const done = await saveThroughDialog('export', `${config.exportName}-导出.xlsx`, (fileToken) =>
        api()['roster:export']({ roster: config.roster, search: search || undefined, sort, filters, fileToken }),
      );
      if (done) message.success(`已导出 ${formatCount(done.rows)} 条到 ${done.fileName}`);
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setExporting(false);
    }
  }
  return { exporting, exportView };
}
