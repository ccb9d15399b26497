import type { Req } from '@shared/ipc/contract';

/** What the item list is narrowed to: the toolbar's choices and the search text. */
export type ItemFilter = Omit<NonNullable<Req<'items:query'>>, 'page' | 'pageSize'>;
