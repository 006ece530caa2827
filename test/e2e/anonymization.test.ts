import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { anonymizationRuns } from '../../db/schema';
import { signedIn, startTestApp, waitFor, type ApiClient, type TestApp, type TestUser } from '../support/harness';
import { contributingPartner, harmonizedSubmission, releaseRow } from '../support/releases';
import { ensureAdminUiBuilt, inBrowser, launchBrowser, screenshot, signIn } from './support/browser';

jest.setTimeout(240_000);

/** The figures a completed run stores (the API's measures), as far as this test reads them. */
interface Measures {
  records: { in: number; kept: number; suppressed: number; suppressedShare: number };
  levels: { qi: string; level: number; height: number }[];
  classes: { count: number; smallest: number };
  risk: { highest: number; average: number; recordsAboveThresholdShare: number };
  informationLoss: { measure: string; total: number };
  suppressionOnly: { records: { kept: number; suppressed: number } };
  suppressedByPartner: { key: string; records: number; suppressed: number }[];
}

let app: TestApp;
let browser: Browser;
let starter: { user: TestUser; client: ApiClient };
let officer: TestUser;
let releaseId: string;
let runId: string;
let measures: Measures;

const int = (n: number) => new Intl.NumberFormat('en').format(n);
const pct = (share: number) => new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 2 }).format(share);

/**
 * The real path to a completed run: two partners' generated files uploaded, profiled, mapped from
 * suggestions approved by a second steward and harmonized by the workers; a release composed by a
 * release manager (who also holds the privacy officer role) and anonymized under the default policy.
 */
beforeAll(async () => {
  ensureAdminUiBuilt();
  app = await startTestApp();
  await app.startWorkers();
  browser = await launchBrowser();

  const a = await contributingPartner(app, 'Safe Harbour Hotline', 'Data courtesy of Safe Harbour.');
  const b = await contributingPartner(app, 'Global Case Network', 'Contains data from Global Case Network.');
  const uploader = (await signedIn(app, ['data_steward'])).client;
  const submissions = [
    await harmonizedSubmission(app, uploader, a.id, 'hotline', 3000, 21),
    await harmonizedSubmission(app, uploader, b.id, 'htcds', 3000, 22),
  ];

  starter = await signedIn(app, ['release_manager', 'privacy_officer']);
  officer = (await signedIn(app, ['privacy_officer'])).user;
  const composed = await starter.client.post('/api/releases', {
    version: '2041.1', title: 'Global victim dataset, browser test', submissionIds: submissions.map((s) => s.id),
  });
  expect(composed.status).toBe(201);
  releaseId = composed.body.id;
  const policy = (await starter.client.get('/api/policies/default')).body;
  expect(policy.name).toBe('default');
  const started = await starter.client.post(`/api/releases/${releaseId}/actions/start_anonymization`, { policyId: policy.id });
  expect(started.status).toBe(200);
  const run = await waitFor(async () => {
    const [r] = await app.ctx.db.select().from(anonymizationRuns).where(eq(anonymizationRuns.releaseId, releaseId));
    return r && ['completed', 'failed'].includes(r.status) ? r : null;
  }, 120_000, 'the anonymization run');
  expect(run.failureReason).toBeNull();
  runId = run.id;
  measures = run.measures as unknown as Measures;
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

const figure = (page: Page, id: string) => page.getByTestId(`${id}-value`).innerText();

describe('the anonymization run page', () => {
  it('refuses the decision of whoever started the run, in the server\'s words', async () => {
    await inBrowser(browser, app.baseUrl, 'run-starter', async (page) => {
      await signIn(page, starter.user.email);
      await page.goto(`/#/anonymization-runs/${runId}/show`);
      await page.getByTestId('run-starter-note').waitFor();
      await page.locator('[data-testid="workflow-actions"] [data-action="approve"]').click();
      // The refusal is the server's own sentence, shown as the action's notification.
      const refusal = page.locator('.MuiSnackbarContent-message').filter({ hasText: 'Four-eyes rule' });
      await refusal.waitFor();
      expect(await refusal.innerText()).toContain('you authored or requested this anonymization run');
      await screenshot(page, 'anonymization-01-starter-refused');
      expect((await app.ctx.db.select().from(anonymizationRuns).where(eq(anonymizationRuns.id, runId)))[0].status).toBe('completed');
    });
  });

  it('shows a privacy officer the figures of a completed run, and the approval sends the release to review', async () => {
    await inBrowser(browser, app.baseUrl, 'run-approve', async (page) => {
      await signIn(page, officer.email);
      await page.goto(`/#/anonymization-runs/${runId}/show`);
      await page.locator('[data-testid="run-overview"] [data-testid="run-status"][data-state="completed"]').waitFor();
      expect(await page.getByTestId('run-parameters').innerText()).toContain('k = 11');

      // The headline figures are the run's own measures, in the interface's number format.
      expect(await figure(page, 'fig-records-in')).toBe(int(6000));
      expect(measures.records.kept + measures.records.suppressed).toBe(6000);
      expect(measures.records.suppressedShare).toBeLessThanOrEqual(0.05);
      expect(await figure(page, 'fig-kept')).toBe(int(measures.records.kept));
      expect(await figure(page, 'fig-suppressed')).toBe(`${int(measures.records.suppressed)} (${pct(measures.records.suppressedShare)})`);
      expect(await figure(page, 'fig-classes')).toBe(int(measures.classes.count));
      expect(measures.classes.smallest).toBeGreaterThanOrEqual(11);
      expect(await figure(page, 'fig-risk-highest')).toBe(pct(1 / measures.classes.smallest));
      expect(await figure(page, 'fig-risk-average')).toBe(pct(measures.risk.average));
      expect(await figure(page, 'fig-risk-above')).toBe(pct(0));
      expect(await page.getByTestId('fig-loss').innerText()).toContain('Information loss (ARX loss)');
      expect(await page.getByTestId('run-verification').innerText()).toMatch(/^Independent check passed: [\d,]+ rows/);

      // One row per quasi-identifier: the level chosen against the highest the policy allows.
      const levelRows = page.locator('[data-testid="run-levels"] tbody tr');
      expect(await levelRows.count()).toBe(7);
      for (const { qi, level, height } of measures.levels) {
        const row = page.locator(`[data-testid="run-levels"] tr[data-qi="${qi}"]`);
        expect(await row.getByTestId('level-chosen').innerText()).toBe(level === height ? `Level ${level} ("*")` : `Level ${level}`);
        expect(await row.innerText()).toContain(`up to ${height} (of ${height})`);
      }

      // Side by side: CTDC's suppression alone on the same records keeps far fewer of them.
      const comparison = page.getByTestId('run-comparison');
      expect(await comparison.locator('tr[data-row="kept"] td[data-column="suppression"]').innerText()).toContain(int(measures.suppressionOnly.records.kept));
      expect(measures.suppressionOnly.records.kept).toBeLessThan(measures.records.kept);
      expect(await comparison.locator('tr[data-row="kept"] td[data-column="previous"]').innerText()).toBe('—');
      expect(await comparison.innerText()).toContain('No previous release');

      // Charts: class sizes, suppression per partner (by name) and per country.
      await page.locator('[data-testid="chart-class-sizes"] .recharts-bar-rectangle').first().waitFor();
      await page.locator('[data-testid="chart-partners"] .recharts-bar-rectangle').first().waitFor();
      // Long partner names wrap over two lines of the axis.
      expect(await page.getByTestId('chart-partners').textContent()).toMatch(/Global Case\s*Network[\s\S]*Safe Harbour\s*Hotline/);
      await page.locator('[data-testid="chart-countries"] .recharts-bar-rectangle').first().waitFor();
      expect(await page.getByTestId('differencing').innerText()).toContain('No earlier release has been published');
      await screenshot(page, 'anonymization-02-run-figures');

      await page.locator('[data-testid="workflow-actions"] [data-action="approve"]').click();
      await page.locator('[data-testid="run-overview"] [data-testid="run-status"][data-state="approved"]').waitFor();
      await page.getByTestId('run-release-status').getByText('In review').waitFor();
      expect(await page.getByTestId('run-decision').innerText()).toContain(officer.name);
      expect(await page.locator('[data-testid="workflow-actions"]').count()).toBe(0);
      await page.getByTestId('entity-history').getByText('Approve').first().waitFor();
      await screenshot(page, 'anonymization-03-run-approved');
    });
    expect((await releaseRow(app, releaseId)).status).toBe('in_review');
    expect((await releaseRow(app, releaseId)).approvedRunId).toBe(runId);
  });
});
