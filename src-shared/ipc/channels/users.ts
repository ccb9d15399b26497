import type { SessionView, UserView } from '../../domain/users';

export const USER_CHANNELS = [
  'users:session',
  'users:sign-in',
  'users:sign-out',
  'users:change-password',
  'users:list',
  'users:create',
  'users:reset-password',
  'users:set-role',
  'users:disable',
  'users:enable',
  'users:delete',
] as const;
export type UserChannel = (typeof USER_CHANNELS)[number];

export interface UserResponses {
  'users:session': SessionView;
  'users:sign-in': SessionView;
  'users:sign-out': SessionView;
  'users:change-password': SessionView;
  'users:list': UserView[];
  /** The first account must be a 管理员 and is signed in at once; later ones only a 管理员 creates. */
  'users:create': UserView[];
  /** Also unlocks the account. */
  'users:reset-password': UserView[];
  /** Never one's own account, never the last 管理员 in use. */
  'users:set-role': UserView[];
  /** 停用: cannot sign in; the name stays in the log and the records. Same refusals as set-role. */
  'users:disable': UserView[];
  'users:enable': UserView[];
  /** Only an account never named in the log or a draw (`UserView.used`); others are disabled instead. */
  'users:delete': UserView[];
}

export type UserErrorCode =
  | 'users.signInRequired'
  | 'users.forbidden'
  | 'users.badCredentials'
  | 'users.locked'
  | 'users.exists'
  | 'users.notFound'
  | 'users.firstMustBeAdmin'
  | 'users.supervisorRequired'
  | 'users.supervisorIsOperator'
  | 'users.operatorNotSignedIn'
  | 'users.disabled'
  | 'users.ownAccount'
  | 'users.lastAdmin'
  | 'users.inUse';
