import { useState } from 'react';
import type { TablePaginationConfig } from 'antd';
import { formatCount } from '@shared/domain/counts';

/**
 * The page of a server-side table and the antd pagination for it: changing the page size goes back to page 1,
 * and the total is shown in the roster's unit (共 30,000 户).
 */
export function usePaging(initialSize: number, sizes: number[]) {
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(initialSize);
  /** `browseLimit`: the pages offered stop there (the total shown stays true). */
  const pagination = (total: number, unit: string, browseLimit = Infinity): TablePaginationConfig => ({
    current: page,
    pageSize,
    total: Math.min(total, browseLimit),
    showSizeChanger: true,
    pageSizeOptions: sizes,
    showQuickJumper: true,
    showTotal: () => `共 ${formatCount(total)} ${unit}`,
    onChange: (p, size) => {
      if (size !== pageSize) {
        setPageSize(size);
        setPage(1);
      } else setPage(p);
    },
  });
  return { page, pageSize, setPage, pagination };
}
