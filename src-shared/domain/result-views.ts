/** What the results pages show: a task's drawn entities with their result state, and one entity's sheet to enter. */
import type { ResultEntry, ResultProblem, ResultState } from './results';

/** A task with a sealed draw, whose results can be entered. */
export interface ResultTaskView {
  taskId: number;
  taskNumber: string;
  taskName: string;
  drawId: number;
  startDate: string;
  endDate: string;
  entities: number;
  counts: Record<ResultState, number>;
}

/** Who entered and reviewed a result, and when (ISO times); the return reason of 审核退回. */
export interface ResultStamps {
  savedAt: string | null;
  savedBy: string | null;
  enteredAt: string | null;
  enteredBy: string | null;
  reviewedAt: string | null;
  reviewedBy: string | null;
  returnReason: string | null;
}

/** One drawn entity of the task, with the state of its current result for this task. */
export interface ResultEntityRow extends ResultStamps {
  entityId: number;
  name: string;
  code: string;
  packageNo: number;
  state: ResultState;
  /** Something was saved but the entry is not yet consistent (state 未录入 or 审核退回 with a stored entry). */
  draft: boolean;
  /** The current result of this task, null before anything was saved. */
  resultId: number | null;
  inspectedOn: string | null;
  endState: string | null;
}

export interface ResultSheetRow {
  subItemId: number;
  /** "1.2": item number, row number. */
  label: string;
  content: string;
  basis: string;
  method: string;
}

export interface ResultSheetItem {
  id: number;
  name: string;
  taskNumber: string;
  rows: ResultSheetRow[];
}

/** One entity's record sheet to enter: header, the team, the items' rows, and what was saved so far. */
export interface ResultSheetView extends ResultStamps {
  drawId: number;
  entityId: number;
  /** The tasks this sheet answers: one, or every task of a merged joint visit. */
  taskIds: number[];
  taskNumbers: string;
  taskNames: string;
  name: string;
  code: string;
  codeKind: string;
  address: string;
  packageNo: number;
  /** The inspection window. */
  startDate: string;
  endDate: string;
  /** By id in the draw; the 执法证号 ('' for an expert) as the printed sheet names them. */
  team: { id: string; name: string; office: string; badgeNo: string }[];
  items: ResultSheetItem[];
  /** The saved entry, null before anything was saved. */
  entry: ResultEntry | null;
  state: ResultState;
  /** Why the saved entry is not yet 已录入 (empty when it is, or before anything was saved). */
  problems: ResultProblem[];
  /** The current results of the sheet's tasks (several for a joint visit). */
  resultIds: number[];
}
