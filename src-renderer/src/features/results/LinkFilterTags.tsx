import { Tag } from 'antd';

/** The filters a link can put on the list (首页「今日待办」), with no control of their own on the page. */
export interface LinkFilters {
  due: 'overdue' | 'dueSoon' | null;
  unpublished: boolean;
}

export function linkFilters(params: URLSearchParams): LinkFilters {
  const due = params.get('due');
  return {
    due: due === 'overdue' || due === 'dueSoon' ? due : null,
    unpublished: params.get('unpublished') === '1',
  };
}

const DUE_LABELS = { overdue: '录入已逾期', dueSoon: '录入即将到期' };

/** A closable tag per filter that is on, so the clerk sees why the list is short and can take it off. */
export function LinkFilterTags({
  filters,
  onClear,
}: {
  filters: LinkFilters;
  onClear(key: 'due' | 'unpublished'): void;
}) {
  return (
    <>
      {filters.due && (
        <Tag closable color="orange" onClose={() => onClear('due')} data-testid="filter-due">
          只看{DUE_LABELS[filters.due]}
        </Tag>
      )}
      {filters.unpublished && (
        <Tag closable color="cyan" onClose={() => onClear('unpublished')} data-testid="filter-unpublished">
          只看已审核未公示
        </Tag>
      )}
    </>
  );
}
