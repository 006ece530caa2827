import { count } from 'drizzle-orm';
import { hashPassword } from '../../server/auth/passwords';
import { loadConfig } from '../../server/config';
import { createDatabase, type Db } from '../client';
import { users } from '../schema';
import { DEMO_USERS } from './demo-users';
import { seedPartners } from './partners';

/** Seeds the demo collaborative on first start (an empty users table), never in production. */
export async function seedDemo(db: Db, demoPassword: string): Promise<boolean> {
  const [{ n }] = await db.select({ n: count() }).from(users);
  if (n > 0) return false;
  const partnerIds = await seedPartners(db);
  const passwordHash = await hashPassword(demoPassword);
  await db.insert(users).values(
    DEMO_USERS.map((u) => ({
      email: u.email, name: u.name, roles: u.roles, passwordHash, partnerId: u.partner ? partnerIds[u.partner] : null,
    })),
  );
  return true;
}

async function main() {
  const cfg = loadConfig();
  if (cfg.NODE_ENV === 'production') return;
  const database = createDatabase(cfg.appDatabaseUrl, { max: 2 });
  try {
    if (await seedDemo(database.db, cfg.DEMO_PASSWORD)) {
      console.log('[ctdc] demo collaborative seeded. Sign in with any of these (password: DEMO_PASSWORD, default "demo-password"):');
      for (const u of DEMO_USERS) console.log(`[ctdc]   ${u.email.padEnd(26)} ${u.roles.join(', ')}`);
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
