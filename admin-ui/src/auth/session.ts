import type { Role } from './roles';

export type Locale = 'en' | 'fr' | 'es';

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  partnerId: string | null;
  partnerName: string | null;
  locale: Locale;
  csrfToken: string;
}

/**
 * The signed-in user and the CSRF token live in memory only (never in storage a script could read
 * later); a page load fetches them again from /api/auth/me.
 */
let current: SessionUser | null = null;
let pending: Promise<SessionUser | null> | null = null;
let localeChosenBeforeSignIn: Locale | null = null;
let localeSyncedFor: string | null = null;

export const session = {
  user: () => current,
  csrfToken: () => current?.csrfToken ?? null,
  set(user: SessionUser) {
    if (current?.id !== user.id) localeSyncedFor = null;
    current = user;
  },
  clear() {
    current = null;
    localeSyncedFor = null;
  },
  /** Fetches the session once, however many callers ask at the same time. */
  load(): Promise<SessionUser | null> {
    pending ??= fetch('/api/auth/me', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(async (res) => {
        if (res.status === 401) return null;
        if (!res.ok) throw new Error(`Could not check the session (${res.status})`);
        const user = (await res.json()) as SessionUser;
        session.set(user);
        return user;
      })
      .finally(() => { pending = null; });
    return pending;
  },
  async ensure(): Promise<SessionUser | null> {
    return current ?? session.load();
  },
  rememberLocaleChoice(locale: Locale) {
    localeChosenBeforeSignIn = locale;
  },
  takeLocaleChoice(): Locale | null {
    const chosen = localeChosenBeforeSignIn;
    localeChosenBeforeSignIn = null;
    return chosen;
  },
  /** The server's saved language is applied once per sign-in, not on every re-render. */
  claimLocaleSync(userId: string): boolean {
    if (localeSyncedFor === userId) return false;
    localeSyncedFor = userId;
    return true;
  },
};
