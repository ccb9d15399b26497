import type { FollowUpList, FollowUpView } from '../../domain/follow-ups';

export const FOLLOW_UP_CHANNELS = ['follow-ups:list', 'follow-ups:update', 'follow-ups:close'] as const;
export type FollowUpChannel = (typeof FOLLOW_UP_CHANNELS)[number];

export interface FollowUpResponses {
  /** Oldest due first; overdue judged on China's today. */
  'follow-ups:list': FollowUpList;
  /** The follow-up as changed. */
  'follow-ups:update': FollowUpView;
  /** The follow-up as closed (完结). */
  'follow-ups:close': FollowUpView;
}
