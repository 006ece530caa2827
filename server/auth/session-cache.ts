import { Client } from 'pg';
import type { Db } from '../../db/client';
import { logger } from '../logger';
import { findSession, type FoundSession } from './sessions';

export const AUTH_CHANNEL = 'ctdc_auth';
const MAX_ENTRIES = 10_000;
/** A backstop only: entries are forgotten on every notification long before this. */
const MAX_AGE_MS = 60_000;

interface Entry {
  found: FoundSession;
  storedAt: number;
}

/**
 * The sessions this API process has checked, so that a request usually costs no database round
 * trip for its session (a third of a list request's cost under load). It never serves stale
 * authorization for longer than a notification takes to arrive:
 *
 * - PostgreSQL notifies the channel `ctdc_auth` at the commit of any change that can end a session
 *   or change its user's name, roles, partner or active flag (triggers of migration 0009), whoever
 *   makes it; this process LISTENs on a connection of its own and forgets everything on each one.
 * - The process that made a change through the API also forgets at once (`forgetAll`), without
 *   waiting for its own notification.
 * - While that connection is not listening (starting, lost, reconnecting) nothing is remembered and
 *   every request reads the database, as without a cache. Notifications missed meanwhile therefore
 *   do not matter; a reconnection starts empty.
 * - A lookup that was under way when a notification arrived is not stored (generation check): its
 *   answer may predate the change.
 * - Expiry is checked on every use; unknown tokens are never stored; an entry lives 60 s at most.
 */
export class SessionCache {
  private entries = new Map<string, Entry>();
  private generation = 0;
  private listener: Client | null = null;
  private listening = false;
  private closed = false;
  private retry: NodeJS.Timeout | null = null;
  private retryMs = 500;

  constructor(
    private readonly db: Db,
    private readonly databaseUrl: string,
  ) {}

  private started = false;

  async close(): Promise<void> {
    this.closed = true;
    if (this.retry) clearTimeout(this.retry);
    this.stopListening();
    const listener = this.listener;
    this.listener = null;
    await listener?.end().catch(() => undefined);
  }

  /** Whether lookups may be served from memory (for tests and health reporting). */
  get active(): boolean {
    return this.listening;
  }

  forgetAll(): void {
    this.generation++;
    this.entries.clear();
  }

  /** The live session and its active user for a cookie token, or null; as `findSession`. */
  async find(token: string): Promise<FoundSession | null> {
    if (!this.started) {
      // Listening starts with the first request; until it is on, every lookup reads the database.
      this.started = true;
      void this.connect();
    }
    const now = Date.now();
    if (this.listening) {
      const entry = this.entries.get(token);
      if (entry && entry.found.expiresAt.getTime() > now && now - entry.storedAt < MAX_AGE_MS) return entry.found;
      if (entry) this.entries.delete(token);
    }
    const generation = this.generation;
    const found = await findSession(this.db, token);
    if (found && this.listening && generation === this.generation) {
      if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
      this.entries.set(token, { found, storedAt: now });
    }
    return found;
  }

  private stopListening(): void {
    this.listening = false;
    this.forgetAll();
  }

  private async connect(): Promise<void> {
    if (this.closed) return;
    const client = new Client({ connectionString: this.databaseUrl, keepAlive: true });
    this.listener = client;
    const lost = (err?: Error) => {
      if (this.listener !== client) return;
      this.stopListening();
      this.listener = null;
      client.end().catch(() => undefined);
      if (this.closed) return;
      logger.warn({ err: err?.message }, 'session cache: lost the notification connection; sessions are read from the database until it is back');
      this.retry = setTimeout(() => void this.connect(), this.retryMs);
      this.retryMs = Math.min(this.retryMs * 2, 30_000);
    };
    client.on('error', lost);
    client.on('end', () => lost());
    client.on('notification', () => this.forgetAll());
    try {
      await client.connect();
      await client.query(`LISTEN ${AUTH_CHANNEL}`);
      if (this.listener !== client || this.closed) return;
      // Anything stored before this point was stored while no one was listening: nothing was.
      this.forgetAll();
      this.listening = true;
      this.retryMs = 500;
    } catch (err) {
      lost(err as Error);
    }
  }
}
