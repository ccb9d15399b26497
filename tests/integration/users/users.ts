import type { Role } from '@shared/domain/users';
import type { TestDb } from '../../fixtures/test-db';

export const PASSWORD = '演示密码2026';

/** Creates the accounts (the first must be a 管理员, who stays signed in), then signs out. */
export function addUsers(t: TestDb, users: [name: string, role: Role][]): void {
  for (const [name, role] of users) t.services.users.create({ name, role, password: PASSWORD });
  t.services.users.signOut();
}
