import { and, eq } from 'drizzle-orm';
import { anonymizationPolicies, auditEvents } from '../../db/schema';
import { DEFAULT_QIS } from '../../server/domain/anonymization';
import { ApiClient, signedIn, startTestApp, type TestApp } from '../support/harness';

let app: TestApp;
let privacy: ApiClient;
let steward: ApiClient;
let defaults: { id: string; policy: any };

beforeAll(async () => {
  app = await startTestApp();
  privacy = (await signedIn(app, ['privacy_officer'])).client;
  steward = (await signedIn(app, ['data_steward'])).client;
  defaults = (await steward.get('/api/policies/default')).body;
});
afterAll(async () => { await app.close(); });

const withPolicy = (change: (p: any) => void) => {
  const policy = structuredClone(defaults.policy);
  change(policy);
  return policy;
};

describe('the default policy', () => {
  it('is created once, on first use, with privacy.md\'s defaults and years 2000 to this year', async () => {
    expect(defaults).toMatchObject({ name: 'default', version: 1, policy: { qis: [...DEFAULT_QIS], k: 11, suppressionLimit: 0.05 } });
    const years = defaults.policy.hierarchies.yearOfRegistration.rows.map((r: string[]) => r[0]).filter(Boolean);
    expect(years[0]).toBe('2000');
    expect(years.at(-1)).toBe(String(new Date().getUTCFullYear()));
    expect(defaults.policy.hierarchies.yearOfRegistration.rows.find((r: string[]) => r[0] === '2003')).toEqual(['2003', '2002-2003', '2002-2005', '*']);
    expect((await privacy.get('/api/policies/default')).body.id).toBe(defaults.id);
    const rows = await app.ctx.db.select().from(anonymizationPolicies).where(eq(anonymizationPolicies.name, 'default'));
    expect(rows).toHaveLength(1);
  });
});

describe('creating and editing policies', () => {
  let strict: { id: string; version: number };

  it('a privacy officer creates a policy, which is audited', async () => {
    const res = await privacy.post('/api/policies', { name: 'strict', description: 'k = 15', policy: withPolicy((p) => { p.k = 15; }) });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name: 'strict', version: 1, policy: { k: 15 } });
    strict = res.body;
    const [event] = await app.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, strict.id), eq(auditEvents.action, 'anonymization_policy.create')));
    expect(event.details).toMatchObject({ name: 'strict', version: 1, k: 15 });
    expect((await privacy.post('/api/policies', { name: 'strict', policy: defaults.policy })).status).toBe(409);
    expect((await steward.post('/api/policies', { name: 'other', policy: defaults.policy })).status).toBe(403);
  });

  it('editing saves the next version and leaves the old one as it was', async () => {
    const res = await privacy.post(`/api/policies/${strict.id}/versions`, { policy: withPolicy((p) => { p.k = 20; p.lDiversity = { variable: 'isForcedLabour', l: 2 }; }) });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name: 'strict', version: 2, description: 'k = 15', policy: { k: 20, lDiversity: { variable: 'isForcedLabour', l: 2 } } });
    expect((await privacy.get(`/api/policies/${strict.id}`)).body.policy.k).toBe(15);
    const latest = await privacy.get(`/api/policies?filter=${encodeURIComponent(JSON.stringify({ name: 'strict', latest: true }))}`);
    expect(latest.body.map((p: { version: number }) => p.version)).toEqual([2]);
    expect(latest.body[0]).toMatchObject({ k: 20, qis: [...DEFAULT_QIS] });
    expect(latest.body[0].policy).toBeUndefined();
    expect(latest.headers.get('content-range')).toBe('policies 0-0/1');
  });

  it('refuses an invalid policy with readable messages and field paths', async () => {
    const notNested = withPolicy((p) => { p.hierarchies.ageBroad.rows[1][2] = 'Minor?'; });
    const res = await privacy.post('/api/policies', { name: 'broken', policy: notNested });
    expect(res.status).toBe(400);
    expect(res.body.message).toBe('Invalid policy: policy.hierarchies.ageBroad: ageBroad: levels do not nest: "0--17" at level 1 generalizes to both "Minor" and "Minor?" at level 2');
    expect(res.body.fields).toEqual([{ path: 'policy.hierarchies.ageBroad', message: expect.stringContaining('"0--17"') }]);

    const bad = await privacy.post('/api/policies', { name: 'broken', policy: withPolicy((p) => { p.k = 1; p.qis = [...p.qis, 'shoeSize']; delete p.hierarchies.gender; }) });
    expect(bad.status).toBe(400);
    expect(bad.body.fields.map((f: { path: string }) => f.path).sort()).toEqual(['policy.hierarchies.gender', 'policy.hierarchies.shoeSize', 'policy.k']);
    const unknown = await privacy.post('/api/policies', { name: 'broken', policy: withPolicy((p) => { p.qis.push('shoeSize'); p.hierarchies.shoeSize = { rows: [['42', '*'], ['', '*']] }; }) });
    expect(unknown.body.fields).toEqual([{ path: 'policy.qis.7', message: expect.stringMatching(/^shoeSize is not a variable of CTDC/) }]);
  });
});

describe('hierarchies', () => {
  it('previews each level of each QI with its distinct labels', async () => {
    const res = await steward.get(`/api/policies/${defaults.id}/preview`);
    expect(res.body.map((q: { qi: string }) => q.qi)).toEqual([...DEFAULT_QIS]);
    const age = res.body.find((q: { qi: string }) => q.qi === 'ageBroad');
    expect(age.height).toBe(3);
    expect(age.levels[1]).toEqual({ level: 1, labels: ['0--17', '18--29', '30--47', '48+', ''] });
    expect(age.levels[2]).toEqual({ level: 2, labels: ['Minor', 'Adult', ''] });
    expect(age.levels[3]).toEqual({ level: 3, labels: ['*'] });
    expect((await steward.get(`/api/policies/${defaults.id}/preview?qi=gender`)).body).toHaveLength(1);
  });

  it('exports one hierarchy as ARX CSV and imports an edited one as the next version', async () => {
    const exported = await privacy.get(`/api/policies/${defaults.id}/hierarchies/ageBroad`);
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-type')).toMatch(/^text\/csv/);
    const csv = exported.body as string;
    expect(csv.split('\n')[0]).toBe('0--8;0--17;Minor;*');
    expect(csv).toContain('\n;;;*\n');

    // Into a policy of its own: other test files use the default policy at the same time.
    const own = (await privacy.post('/api/policies', { name: 'arx-check', policy: defaults.policy })).body;
    const edited = csv.replace('48+;48+;Adult;*', '48+;48+;Senior;*');
    const imported = await privacy.post(`/api/policies/${own.id}/hierarchies/ageBroad`, { csv: edited });
    expect(imported.status).toBe(201);
    expect(imported.body).toMatchObject({ name: 'arx-check', version: 2 });
    expect(imported.body.policy.hierarchies.ageBroad.rows.find((r: string[]) => r[0] === '48+')).toEqual(['48+', '48+', 'Senior', '*']);
    const [event] = await app.ctx.db.select().from(auditEvents).where(eq(auditEvents.entityId, imported.body.id));
    expect(event).toMatchObject({ action: 'anonymization_policy.create_version', details: expect.objectContaining({ importedHierarchy: 'ageBroad', basedOnVersion: 1 }) });

    const broken = await privacy.post(`/api/policies/${own.id}/hierarchies/ageBroad`, { csv: csv.replace('9--17;0--17;Minor;*', '9--17;0--17;Adult;*') });
    expect(broken.status).toBe(400);
    expect(broken.body.message).toBe('ageBroad: levels do not nest: "0--17" at level 1 generalizes to both "Minor" and "Adult" at level 2');
  });
});
