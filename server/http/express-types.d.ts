import type { Actor } from '../auth/actor';

declare global {
  namespace Express {
    interface Request {
      requestId: string;
      actor?: Actor;
      sessionToken?: string;
      csrfToken?: string;
    }
  }
}
export {};
