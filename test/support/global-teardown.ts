import fs from 'node:fs';
import { Client } from 'pg';
import { TEST_DB_FILE } from './global-setup';

/** Drops this run's database. */
export default async function globalTeardown(): Promise<void> {
  if (!fs.existsSync(TEST_DB_FILE)) return;
  const { base, name } = JSON.parse(fs.readFileSync(TEST_DB_FILE, 'utf8')) as { base: string; name: string };
  fs.rmSync(TEST_DB_FILE, { force: true });
  const client = new Client({ connectionString: base });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
