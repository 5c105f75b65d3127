/**
 * Who is signed in. Asks GET /auth/me once at start; listens to the API
 * client so that any 401 (session timed out, SYS-5) returns to the sign-in
 * page and any 403 `auth.password_change_required` to the password screen.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, isApiError, onAuthProblem } from '../api/client.js';
import type { Me } from '../api/types.js';
import { officerText } from '../domain.js';

export type SessionState =
  | { status: 'loading' }
  | { status: 'anonymous'; notice?: string }
  | { status: 'signedIn'; me: Me };

export interface Session {
  state: SessionState;
  login(username: string, password: string): Promise<Me>;
  logout(): Promise<void>;
  /** Reloads the signed-in user (after a password change). */
  refresh(): Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}

/**
 * Citations as the signed-in officer's agency reads them (issue 15 item 2):
 * 「须写明查阅理由（XX-R 第十八条）」 becomes, for a 湘西 officer, the rule by
 * its full title, and for a 太原 officer the rule without 湘西's basis.
 * Outside a session (or in a bare component test) every citation by full title.
 */
export function useCite(): (text: string | null | undefined) => string {
  const s = useContext(SessionContext);
  const profile = s?.state.status === 'signedIn' ? (s.state.me.profileId ?? null) : null;
  return useCallback((text: string | null | undefined) => (text ? officerText(text, profile) : ''), [profile]);
}

/** The signed-in user (with the agency's name from /auth/me); only for pages behind the session guard. */
export function useMe(): { me: Me; agencyName: string } {
  const { state } = useSession();
  if (state.status !== 'signedIn') throw new Error('useMe without a signed-in user');
  return { me: state.me, agencyName: state.me.agencyName };
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  const signedIn = useCallback((me: Me) => {
    setState({ status: 'signedIn', me });
  }, []);

  const refresh = useCallback(async () => {
    try {
      const { user } = await api.get<{ user: Me }>('/auth/me', { quiet: true });
      signedIn(user);
    } catch (e) {
      if (isApiError(e) && e.status === 401) setState({ status: 'anonymous' });
      else setState({ status: 'anonymous', notice: isApiError(e) ? e.message : '无法连接服务器，请稍后再试。' });
    }
  }, [signedIn]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  useEffect(() => {
    onAuthProblem((e) => {
      if (e.code === 'auth.password_change_required') {
        setState((s) => (s.status === 'signedIn' ? { ...s, me: { ...s.me, mustChangePassword: true } } : s));
      } else {
        setState({ status: 'anonymous', notice: e.code === 'auth.required' ? '登录已失效，请重新登录。' : e.message });
      }
    });
    return () => onAuthProblem(null);
  }, []);

  const login = useCallback(
    async (username: string, password: string) => {
      const { user } = await api.post<{ user: Me }>('/auth/login', { username, password }, { quiet: true });
      signedIn(user);
      return user;
    },
    [signedIn],
  );

  const logout = useCallback(async () => {
    try {
      await api.post('/auth/logout', {}, { quiet: true });
    } catch {
      // Already signed out (session ended or timed out): nothing more to end.
    }
    setState({ status: 'anonymous', notice: '您已安全退出。' });
  }, []);

  const value = useMemo<Session>(() => ({ state, login, logout, refresh }), [state, login, logout, refresh]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

