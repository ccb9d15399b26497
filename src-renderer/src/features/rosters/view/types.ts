import type { ReactNode } from 'react';
import type { FormRule, TableColumnsType } from 'antd';
import type { z } from 'zod';
import type { EntityRow, ExpertRow, FilterOptions, InspectorRow, QueryableRoster } from '@shared/domain/roster-views';
import type { Req } from '@shared/ipc/contract';

export type RosterRow = EntityRow | InspectorRow | ExpertRow;
export type RosterQuery = NonNullable<Req<'roster:query'>>;
export type RosterFilters = NonNullable<RosterQuery['filters']>;
export type SortField = NonNullable<RosterQuery['sort']>['field'];

/** One select of the filter bar. */
export interface FilterSpec {
  key: keyof RosterFilters;
  label: string;
  options(fo: FilterOptions): string[];
  width?: number;
}

/** One field of the edit form; `schema` is the channel's own zod schema for it (the form mirrors its messages). */
export interface EditField {
  name: string;
  label: string;
  input: 'text' | 'textarea' | 'select' | 'tags' | 'office';
  options?: readonly string[];
  /** '' in the form is null in the record (codes, grade, dates). */
  nullable?: boolean;
  schema: z.ZodType;
  rules?: FormRule[];
  placeholder?: string;
  extra?: ReactNode;
}

/** What makes one roster's page: its columns, filters, bulk actions and edit form. */
export interface RosterConfig<R extends RosterRow = RosterRow> {
  roster: QueryableRoster;
  /** 检查对象 / 执法检查人员 / 专家 */
  noun: string;
  /** 户 / 人 */
  unit: string;
  /** Columns; a sortable one has `key` = its sort field and `sorter: true`. */
  columns: TableColumnsType<R>;
  filters: FilterSpec[];
  searchPlaceholder: string;
  statusLabel: string;
  statuses: readonly string[];
  /** Entities only: 信用风险等级 in bulk actions. */
  hasGrade: boolean;
  editFields: EditField[];
  titleOf(row: R): string;
  /** Base of the export file name, e.g. 检查对象名录. */
  exportName: string;
}
