import { and, eq } from 'drizzle-orm';
import { auditEvents, partners, ROLES, type PartnerStatus, type Role } from '../../db/schema';
import { partnerOnboarding } from '../../server/workflow/tables';
import { ApiClient, signedIn, startTestApp, type TestApp } from '../support/harness';
import { insertPartner, primaryContact, signedAgreement } from '../support/partners';

let app: TestApp;
let liaison: ApiClient;
const clients = new Map<Role, ApiClient>();

beforeAll(async () => {
  app = await startTestApp();
  liaison = (await signedIn(app, ['partner_liaison'])).client;
  for (const role of ROLES) {
    const partner = role === 'partner_user' ? (await insertPartner(app.ctx, 'active')).id : null;
    clients.set(role, (await signedIn(app, [role], partner)).client);
  }
});
afterAll(async () => { await app.close(); });

/** A partner in `status` with everything its guards need (agreement in force, primary contact). */
async function readyPartner(status: PartnerStatus) {
  const p = await insertPartner(app.ctx, status);
  await signedAgreement(liaison, p.id);
  await primaryContact(liaison, p.id);
  return p;
}

const answers = (action: string) => ({ reason: 'Because the test says so', ...(action === 'offboard' ? { keepContributions: true } : {}) });

describe('every onboarding transition, allowed and denied per role', () => {
  for (const t of partnerOnboarding.transitions.filter((t) => !t.roles.every((r) => r === 'system'))) {
    for (const role of ROLES) {
      const allowed = t.roles.includes(role);
      it(`${t.action} from ${t.from[0]} by ${role}: ${allowed ? 'allowed' : 'denied'}`, async () => {
        const p = await readyPartner(t.from[0]);
        const res = await clients.get(role)!.post(`/api/partners/${p.id}/actions/${t.action}`, answers(t.action));
        if (allowed) {
          expect(res.status).toBe(200);
          expect(res.body.status).toBe(t.to);
        } else {
          expect(res.status).toBe(403);
          const [row] = await app.ctx.db.select().from(partners).where(eq(partners.id, p.id));
          expect(row.status).toBe(t.from[0]);
        }
      });
    }
  }
});

describe('guards', () => {
  it('refuses activation without any agreement', async () => {
    const p = await insertPartner(app.ctx, 'agreement_pending');
    await primaryContact(liaison, p.id);
    const res = await liaison.post(`/api/partners/${p.id}/actions/activate`, {});
    expect(res.status).toBe(422);
    expect(res.body.message).toMatch(/signed data-sharing agreement in force/);
  });

  it('refuses activation with an agreement that has expired', async () => {
    const p = await insertPartner(app.ctx, 'agreement_pending');
    await primaryContact(liaison, p.id);
    await signedAgreement(liaison, p.id, -400, -5);
    const res = await liaison.post(`/api/partners/${p.id}/actions/activate`, {});
    expect(res.status).toBe(422);
    expect(res.body.guard).toBe('signedAgreementInForce');
  });

  it('refuses activation without a primary contact', async () => {
    const p = await insertPartner(app.ctx, 'agreement_pending');
    await signedAgreement(liaison, p.id);
    await liaison.post(`/api/partners/${p.id}/contacts`, { name: 'Not primary', email: 'x@partner.org', isPrimary: false });
    const res = await liaison.post(`/api/partners/${p.id}/actions/activate`, {});
    expect(res.status).toBe(422);
    expect(res.body.message).toBe('A primary contact is needed first');
  });

  it('activates when both are there, and audits who did it', async () => {
    const p = await readyPartner('agreement_pending');
    const res = await liaison.post(`/api/partners/${p.id}/actions/activate`, {});
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'active', freshness: 'up_to_date' });
    const events = await app.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, p.id), eq(auditEvents.action, 'partner.activate')));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ fromState: 'agreement_pending', toState: 'active', actorRoles: ['partner_liaison'] });
  });

  it('needs a reason to suspend, and an answer about past contributions to offboard', async () => {
    const p = await readyPartner('active');
    const noReason = await liaison.post(`/api/partners/${p.id}/actions/suspend`, {});
    expect(noReason.status).toBe(400);
    expect(noReason.body.message).toMatch(/reason is required/);
    const noAnswer = await liaison.post(`/api/partners/${p.id}/actions/offboard`, { reason: 'Programme ended' });
    expect(noAnswer.status).toBe(400);
    expect(noAnswer.body.fields[0].path).toBe('keepContributions');
    const done = await liaison.post(`/api/partners/${p.id}/actions/offboard`, { reason: 'Programme ended', keepContributions: false });
    expect(done.body).toMatchObject({ status: 'offboarded', keepContributions: false });
  });

  it('answers 409 to an action that does not fit the current state', async () => {
    const p = await readyPartner('prospect');
    const res = await liaison.post(`/api/partners/${p.id}/actions/activate`, {});
    expect(res.status).toBe(409);
    expect(res.body.message).toBe('Partner is prospect: "activate" needs it to be agreement pending');
  });

  it('lets exactly one of two simultaneous activations win', async () => {
    const p = await readyPartner('agreement_pending');
    const results = await Promise.all([
      liaison.post(`/api/partners/${p.id}/actions/activate`, {}),
      liaison.post(`/api/partners/${p.id}/actions/activate`, {}),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const events = await app.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, p.id), eq(auditEvents.action, 'partner.activate')));
    expect(events).toHaveLength(1);
  });
});
