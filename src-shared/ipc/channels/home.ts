export const HOME_CHANNELS = ['home:attention'] as const;
export type HomeChannel = (typeof HOME_CHANNELS)[number];

/** One task's share of a 今日待办 line: the count, and the task (and its sealed draw) the link opens. */
export interface AttentionTask {
  taskId: number;
  /** The sealed draw (null for a task still to draw). */
  drawId: number | null;
  taskNumber: string;
  taskName: string;
  count: number;
}

/** 今日待办: what needs doing today, judged on China's today, each line per task so it links to exactly those. */
export interface AttentionView {
  today: string;
  dueSoonWorkdays: number;
  /** Tasks of published plans without a sealed draw (count 1 each). */
  toDraw: AttentionTask[];
  /** Sealed draws whose 一户一表 were never exported (count: the drawn entities). */
  sheetsNotPrinted: AttentionTask[];
  /** Pending results (未录入 draft or 审核退回) past the working-day deadline, and those within dueSoonWorkdays of it. */
  resultsOverdue: AttentionTask[];
  resultsDueSoon: AttentionTask[];
  /** 已录入, waiting for 审核. */
  awaitingReview: AttentionTask[];
  /** 已审核 and current, named by no 抽查结果公告 yet. */
  awaitingPublication: AttentionTask[];
  followUpsOpen: number;
  followUpsOverdue: number;
}

export interface HomeResponses {
  'home:attention': AttentionView;
}
