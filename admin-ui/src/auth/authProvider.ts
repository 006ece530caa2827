import type { AuthProvider } from 'react-admin';
import { httpClient } from '../api/http';
import { canOpenResource } from './permissions';
import { session, type SessionUser } from './session';

/** Why a sign-in failed, as a translation key plus the values the message needs. */
export class SignInError extends Error {
  constructor(
    readonly key: string,
    readonly values: Record<string, unknown> = {},
    readonly serverMessage?: string,
  ) {
    super(key);
    this.name = 'SignInError';
  }
}

function signInError(status: number, body: { message?: string }): SignInError {
  const message = body.message ?? '';
  if (status === 429) {
    const minutes = /(\d+) minute/.exec(message)?.[1];
    return new SignInError(minutes ? 'app.login.rate_limited' : 'app.login.rate_limited_later', { minutes }, message);
  }
  if (status === 401 && /deactivated/i.test(message)) return new SignInError('app.login.deactivated', {}, message);
  if (status === 401) return new SignInError('app.login.wrong_credentials', {}, message);
  if (status === 400) return new SignInError('app.login.missing_fields', {}, message);
  return new SignInError('app.login.unavailable', {}, message);
}

export const authProvider: AuthProvider = {
  async login({ username, password }: { username: string; password: string }) {
    let res: Response;
    try {
      res = await fetch('/api/auth/login', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ email: username, password }),
      });
    } catch {
      throw new SignInError('app.login.unavailable');
    }
    const body = await res.json().catch(() => ({}));
    if (!res.ok) throw signInError(res.status, body);
    session.set(body as SessionUser);
  },

  async logout() {
    if (session.user()) await httpClient('/api/auth/logout', { method: 'POST', body: '{}' }).catch(() => undefined);
    session.clear();
  },

  async checkAuth() {
    // `message: false`: opening the app signed out goes to the sign-in page without an error toast.
    if (!(await session.ensure())) throw { message: false };
  },

  async checkError(error: { status?: number }) {
    if (error?.status === 401) {
      session.clear();
      throw { message: 'ra.notification.logged_out' };
    }
    // 403 is a refusal of one action, not the end of the session.
  },

  async getIdentity() {
    const user = await session.ensure();
    if (!user) throw new Error('Not signed in');
    return {
      id: user.id,
      fullName: user.name,
      email: user.email,
      roles: user.roles,
      partnerName: user.partnerName,
      locale: user.locale,
    };
  },

  async getPermissions() {
    return (await session.ensure())?.roles ?? [];
  },

  async canAccess({ resource }: { resource: string }) {
    return canOpenResource((await session.ensure())?.roles, resource);
  },
};
