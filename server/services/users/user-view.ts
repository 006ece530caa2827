import type { users } from '../../../db/schema';

/** What the API shows of a user: never the password hash. */
export function userView(u: typeof users.$inferSelect) {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    roles: u.roles,
    partnerId: u.partnerId,
    active: u.active,
    locale: u.locale,
    createdAt: u.createdAt,
    lastLoginAt: u.lastLoginAt,
  };
}
export type UserView = ReturnType<typeof userView>;
