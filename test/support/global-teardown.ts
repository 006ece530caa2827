import fs from 'node:fs';
import { Client } from 'pg';
import { createDatabase } from '../../db/client';
import { verifyAuditChain } from '../../server/audit/verify-audit-chain';
import { TEST_DB_FILE } from './global-setup';

/** Verifies the audit chain everything in this run wrote, then drops this run's database. */
export default async function globalTeardown(): Promise<void> {
  if (!fs.existsSync(TEST_DB_FILE)) return;
  const { base, name } = JSON.parse(fs.readFileSync(TEST_DB_FILE, 'utf8')) as { base: string; name: string };
  fs.rmSync(TEST_DB_FILE, { force: true });
  const url = new URL(base);
  url.pathname = `/${name}`;
  const database = createDatabase(url.toString(), { max: 1 });
  let verification;
  try {
    verification = await verifyAuditChain(database.db);
  } finally {
    await database.close();
  }
  const client = new Client({ connectionString: base });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
  if (!verification.ok) {
    throw new Error(`The audit chain written by the test suite is broken at event ${verification.firstBrokenLink?.id}: ${verification.firstBrokenLink?.problem}`);
  }
  console.log(`\n[ctdc] audit chain verified after the suite: ${verification.eventsChecked} events, unbroken`);
}
