/** What every service needs besides the database: who acts, and what time it is (injectable for tests). */
export interface ServiceContext {
  actor: () => string;
  now: () => Date;
}

export function defaultContext(actor: string): ServiceContext {
  return { actor: () => actor, now: () => new Date() };
}
