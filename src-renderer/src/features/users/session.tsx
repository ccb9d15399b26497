import { createContext, useContext, type ReactNode } from 'react';
import { Alert, Spin } from 'antd';
import type { SessionView } from '@shared/domain/users';
import { api } from '../../api';
import { useApiCall } from '../../components/useApiCall';
import { SignInPage } from './SignInPage';

interface SessionState extends SessionView {
  /** Asks main again (after signing in or out, or creating the first account). */
  refresh: () => void;
}

const NO_USERS: SessionState = { usersExist: false, user: null, refresh: () => {} };
const SessionContext = createContext<SessionState>(NO_USERS);

/** Who is signed in: `usersExist` false means the program runs without accounts, as before any was created. */
export const useSession = () => useContext(SessionContext);

/**
 * The app behind sign-in once any account exists. The check that matters is in main (every call is refused before
 * sign-in); this only shows the sign-in page instead of pages that could not load.
 */
export function SessionGate({ children }: { children: ReactNode }) {
  const { data, error, reload } = useApiCall(() => api()['users:session']({}));
  // Main refuses every call it must anyway: the pages load and show the same reason (e.g. no window.api outside the app).
  if (error)
    return (
      <SessionContext.Provider value={{ ...NO_USERS, refresh: reload }}>
        <Alert type="error" showIcon title="无法读取登录状态" description={error} banner />
        {children}
      </SessionContext.Provider>
    );
  if (!data) return <Spin style={{ display: 'block', marginTop: 120 }} />;
  if (data.usersExist && !data.user) return <SignInPage onSignedIn={reload} />;
  return <SessionContext.Provider value={{ ...data, refresh: reload }}>{children}</SessionContext.Provider>;
}
