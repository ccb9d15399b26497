import type { FollowUpList, FollowUpView } from '../../domain/follow-ups';

export const FOLLOW_UP_CHANNELS = ['followUps:list', 'followUps:update', 'followUps:close'] as const;
export type FollowUpChannel = (typeof FOLLOW_UP_CHANNELS)[number];

export interface FollowUpResponses {
  /** Oldest due first; overdue judged on China's today. */
  'followUps:list': FollowUpList;
  /** The follow-up as changed. */
  'followUps:update': FollowUpView;
  /** The follow-up as closed (完结). */
  'followUps:close': FollowUpView;
}
