import type {
  DisclosureSettings,
  DueResult,
  PublicationListRow,
  ResultAnnouncement,
  TaskAnnouncement,
} from '../../domain/disclosure';

/** 信息公示: preview and publish the 抽查任务公告 and 抽查结果公告, export them, and keep the per-field rules. */
export const DISCLOSURE_CHANNELS = [
  'disclosure:tasks',
  'disclosure:task-preview',
  'disclosure:result-preview',
  'disclosure:publish-task',
  'disclosure:publish-results',
  'disclosure:export',
  'disclosure:publications',
  'disclosure:due',
  'disclosure:settings',
  'disclosure:save-settings',
] as const;
export type DisclosureChannel = (typeof DISCLOSURE_CHANNELS)[number];

/** A task whose draw is sealed, with what of it was published. */
export interface DisclosureTaskView {
  taskId: number;
  taskNumber: string;
  taskName: string;
  startDate: string;
  endDate: string;
  drawn: number;
  /** Current 已审核 results of the task. */
  reviewed: number;
  /** 第{n}号 of its 抽查任务公告, null before it is published. */
  serial: number | null;
  /** Results of the task published at least once. */
  resultsPublished: number;
}

export interface DisclosureResponses {
  /** Tasks with a sealed draw, newest first. */
  'disclosure:tasks': DisclosureTaskView[];
  'disclosure:task-preview': TaskAnnouncement;
  'disclosure:result-preview': ResultAnnouncement;
  /** The announcement as published (with its stamp). */
  'disclosure:publish-task': TaskAnnouncement;
  'disclosure:publish-results': ResultAnnouncement;
  'disclosure:export': { fileName: string };
  /** Newest first. */
  'disclosure:publications': PublicationListRow[];
  /** Published results whose 公示期 ended or ends within 30 days, soonest first. */
  'disclosure:due': DueResult[];
  'disclosure:settings': DisclosureSettings;
  'disclosure:save-settings': DisclosureSettings;
}

export type DisclosureErrorCode =
  | 'disclosure.alreadyPublished'
  | 'disclosure.badRange'
  | 'disclosure.badRule'
  | 'disclosure.noResults'
  | 'disclosure.notSealed'
  | 'disclosure.taskNotFound'
  | 'disclosure.writeFailed';
