import { randomUUID } from 'node:crypto';
import { ApiClient, signedIn, startTestApp, type TestApp } from '../support/harness';
import { insertPartner, isoDay, makePdf, uploadForm } from '../support/partners';
import { upload, waitForSubmission } from '../support/submissions';

let app: TestApp;
let own: ApiClient;
let otherPartnerId: string;
let otherSubmissionId: string;
let otherAgreementId: string;

beforeAll(async () => {
  app = await startTestApp();
  await app.startWorkers();
  const mine = await insertPartner(app.ctx, 'active');
  const other = await insertPartner(app.ctx, 'active');
  otherPartnerId = other.id;
  own = (await signedIn(app, ['partner_user'], mine.id)).client;
  const theirs = (await signedIn(app, ['partner_user'], other.id)).client;
  otherSubmissionId = (await upload(theirs, other.id, Buffer.from('gender,age\nF,17\n'), 'theirs.csv')).body.id;
  await waitForSubmission(app, otherSubmissionId, ['profiled', 'failed']);
  const liaison = (await signedIn(app, ['partner_liaison'])).client;
  otherAgreementId = (await liaison.post(`/api/partners/${other.id}/agreements`, { effectiveDate: isoDay(0), expiryDate: isoDay(100), attribution: 'Theirs' })).body.id;
  await liaison.request('POST', `/api/agreements/${otherAgreementId}/document`, uploadForm(await makePdf(), 'dsa.pdf'));
});
afterAll(async () => { await app.close(); });

describe("a partner user probing another partner's ids", () => {
  it.each([
    ['GET', '/api/partners/:id', () => `/api/partners/${otherPartnerId}`],
    ['GET', '/api/submissions/:id', () => `/api/submissions/${otherSubmissionId}`],
    ['GET', '/api/submissions/:id/jobs', () => `/api/submissions/${otherSubmissionId}/jobs`],
    ['POST', '/api/partners/:id/submissions', () => `/api/partners/${otherPartnerId}/submissions`],
  ])('%s %s answers 404 and shows nothing of theirs', async (method, _route, path) => {
    const res = await own.request(method, path(), method === 'GET' ? undefined : new FormData());
    expect(res.status).toBe(404);
    expect(JSON.stringify(res.body)).not.toMatch(/theirs\.csv|Theirs/);
  });

  it('a made-up id answers exactly as another partner\'s does', async () => {
    const made = await own.get(`/api/submissions/${randomUUID()}`);
    const theirs = await own.get(`/api/submissions/${otherSubmissionId}`);
    expect({ status: theirs.status, message: theirs.body.message }).toEqual({ status: made.status, message: made.body.message });
  });

  it("cannot reach another partner's agreement or its document", async () => {
    expect((await own.get(`/api/agreements/${otherAgreementId}`)).status).toBe(403);
    expect((await own.get(`/api/agreements/${otherAgreementId}/document`)).status).toBe(403);
  });
});

describe('files served back', () => {
  it('an agreement document is downloaded as an attachment, sandboxed, never rendered in the app origin', async () => {
    const staff = (await signedIn(app, ['partner_liaison'])).client;
    const res = await fetch(`${app.baseUrl}/api/agreements/${otherAgreementId}/document`, { headers: { cookie: staff.sessionCookie! } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toMatch(/sandbox/);
  });

  it('HTML or SVG sent as an agreement is refused, whatever it is called', async () => {
    const staff = (await signedIn(app, ['partner_liaison'])).client;
    const p = await insertPartner(app.ctx, 'engaged');
    const a = (await staff.post(`/api/partners/${p.id}/agreements`, { effectiveDate: isoDay(0), expiryDate: isoDay(100), attribution: 'x x x' })).body;
    for (const [body, name] of [['<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', 'sign.svg'], ['<html><script>alert(1)</script></html>', 'dsa.pdf']]) {
      const res = await staff.request('POST', `/api/agreements/${a.id}/document`, uploadForm(Buffer.from(body), name, 'image/svg+xml'));
      expect(res.status).toBe(415);
    }
  });

  it('the API never lets a browser cache personal data', async () => {
    const res = await own.get('/api/auth/me');
    expect(res.headers.get('cache-control')).toBe('no-store');
  });
});
