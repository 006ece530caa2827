import path from 'node:path';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { Client } from 'pg';
import { loadConfig } from '../server/config';
import { createDatabase } from './client';

/**
 * Applies the committed migrations as the owner (DATABASE_URL), then makes sure the application
 * role exists with exactly the privileges the API and workers need: everything on the domain
 * tables except changing or deleting audit events.
 */
export async function runMigrations(cfg = loadConfig()): Promise<void> {
  const owner = createDatabase(cfg.DATABASE_URL, { max: 1 });
  try {
    await migrate(owner.db, { migrationsFolder: path.join(__dirname, 'migrations') });
  } finally {
    await owner.close();
  }
  const client = new Client({ connectionString: cfg.DATABASE_URL });
  await client.connect();
  try {
    const role = cfg.DATABASE_APP_USER;
    const password = (cfg.DATABASE_APP_PASSWORD ?? '').replace(/'/g, "''");
    await client.query('SELECT pg_advisory_lock(4242)');
    const exists = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
    const verb = exists.rowCount ? 'ALTER' : 'CREATE';
    await client.query(`${verb} ROLE ${role} WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '${password}'`);
    const { rows } = await client.query('SELECT current_database() AS db');
    await client.query(`GRANT CONNECT ON DATABASE "${rows[0].db}" TO ${role}`);
    await client.query(`GRANT USAGE ON SCHEMA public TO ${role}`);
    await client.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${role}`);
    await client.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${role}`);
    await client.query(`REVOKE UPDATE, DELETE, TRUNCATE ON audit_events FROM ${role}`);
    await client.query(`REVOKE ALL ON ALL TABLES IN SCHEMA drizzle FROM ${role}`).catch(() => undefined);
    await client.query('SELECT pg_advisory_unlock(4242)');
  } finally {
    await client.end();
  }
}

if (require.main === module) {
  runMigrations()
    .then(() => console.log('[ctdc] database migrated'))
    .catch((err) => {
      console.error(`[ctdc] migration failed: ${err.message}`);
      process.exit(1);
    });
}
