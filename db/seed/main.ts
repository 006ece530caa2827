import path from 'node:path';
import { count, eq } from 'drizzle-orm';
import { hashPassword } from '../../server/auth/passwords';
import { loadConfig, type Config } from '../../server/config';
import { BlobStore } from '../../server/storage/blob-store';
import { createDatabase, type Db } from '../client';
import { users } from '../schema';
import { DEMO_USERS } from './demo-users';
import { seedPartners } from './partners';
import { seedDemoPipeline } from './pipeline';

/** Seeds the demo collaborative on first start (an empty users table), never in production. */
export async function seedDemo(db: Db, cfg: Config): Promise<boolean> {
  const [{ n }] = await db.select({ n: count() }).from(users);
  if (n > 0) return false;
  const passwordHash = await hashPassword(cfg.DEMO_PASSWORD);
  const staff = await db
    .insert(users)
    .values(DEMO_USERS.filter((u) => !u.partner).map((u) => ({ email: u.email, name: u.name, roles: u.roles, passwordHash })))
    .returning();
  const liaison = staff.find((u) => u.roles.includes('partner_liaison'));
  const blobs = new BlobStore(path.join(cfg.dataDir, 'blobs'), cfg.DATA_ENCRYPTION_KEY);
  const partnerIds = await seedPartners(db, blobs, liaison?.id ?? null);
  const partnerUsers = DEMO_USERS.filter((u) => u.partner);
  if (partnerUsers.length) {
    await db.insert(users).values(partnerUsers.map((u) => ({ email: u.email, name: u.name, roles: u.roles, passwordHash, partnerId: partnerIds[u.partner!] })));
  }
  return true;
}

async function main() {
  const cfg = loadConfig();
  if (cfg.NODE_ENV === 'production') return;
  const database = createDatabase(cfg.appDatabaseUrl, { max: 2 });
  try {
    if (await seedDemo(database.db, cfg)) {
      console.log(`[ctdc] demo collaborative seeded. Sign in at http://localhost:${cfg.PORT} with any of these (password: DEMO_PASSWORD, default "demo-password"):`);
      for (const u of DEMO_USERS) console.log(`[ctdc]   ${u.email.padEnd(26)} ${u.roles.join(', ')}`);
      console.log('[ctdc] building the demo data: uploads, mappings, harmonization, releases (about a minute)...');
      try {
        await seedDemoPipeline(cfg);
      } catch (err) {
        // The accounts and partners are there; the app still starts, and says what went wrong.
        console.error(`[ctdc] the demo data could not be built completely: ${(err as Error).message}`);
      }
    } else {
      const [admin] = await database.db.select({ email: users.email }).from(users).where(eq(users.email, DEMO_USERS[0].email));
      if (admin) console.log(`[ctdc] demo logins: ${DEMO_USERS.map((u) => u.email).join(', ')} (password: DEMO_PASSWORD)`);
    }
  } finally {
    await database.close();
  }
}

if (require.main === module) {
  main().catch((err) => {
    console.error(`[ctdc] seeding failed: ${err.message}`);
    process.exit(1);
  });
}
