import { eq } from 'drizzle-orm';
import { submissions } from '../../db/schema';
import { generatePartnerFile, type PartnerProfileName } from '../../server/domain/synthetic';
import type { ApiClient, TestApp } from './harness';
import { waitFor } from './harness';
import { uploadForm } from './partners';

export async function generatedBytes(profile: PartnerProfileName, rows: number, seed = 7, format: 'csv' | 'xlsx' = 'csv'): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of generatePartnerFile({ profile, rows, seed, format })) chunks.push(Buffer.from(c as Buffer));
  return Buffer.concat(chunks);
}

export async function upload(client: ApiClient, partnerId: string, bytes: Buffer, filename: string) {
  return client.request('POST', `/api/partners/${partnerId}/submissions`, uploadForm(bytes, filename, 'text/csv'));
}

export async function waitForSubmission(app: TestApp, id: string, statuses: string[], timeoutMs = 60_000) {
  return waitFor(async () => {
    const [s] = await app.ctx.db.select().from(submissions).where(eq(submissions.id, id));
    return statuses.includes(s.status) ? s : null;
  }, timeoutMs, `submission ${id} to be ${statuses.join(' or ')}`);
}
