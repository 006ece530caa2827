import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { anonymizationRuns } from '../../db/schema';
import { signedIn, startTestApp, waitFor, type ApiClient, type TestApp, type TestUser } from '../support/harness';
import { contributingPartner, harmonizedSubmission, releaseRow } from '../support/releases';
import { ensureAdminUiBuilt, inBrowser, launchBrowser, openMenu, screenshot as fullPage, signIn } from './support/browser';

jest.setTimeout(240_000);

/** A full-page screenshot taken from the top, so the app bar is not painted over the middle of the page. */
async function screenshot(page: Page, name: string) {
  await page.evaluate('window.scrollTo(0, 0)');
  return fullPage(page, name);
}

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
      // From the list: the page first holds the list's row, then the run's full detail.
      await openMenu(page, 'Anonymization runs');
      await page.locator('tbody tr', { hasText: '2041.1' }).click();
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
      // The previous published release, if another test file of this run published one, is the third column.
      const detail = (await starter.client.get(`/api/anonymization-runs/${runId}`)).body;
      const previous = comparison.locator('tr[data-row="kept"] td[data-column="previous"]');
      if (detail.previousRelease) {
        expect(await previous.innerText()).toContain(int(detail.previousRelease.measures.records.kept));
        await comparison.getByRole('link', { name: `Release ${detail.previousRelease.version}` }).waitFor();
      } else {
        expect(await previous.innerText()).toBe('—');
        expect(await comparison.innerText()).toContain('No previous release');
      }

      // Charts: class sizes, suppression per partner (by name) and per country.
      await page.locator('[data-testid="chart-class-sizes"] .recharts-bar-rectangle').first().waitFor();
      await page.locator('[data-testid="chart-partners"] .recharts-bar-rectangle').first().waitFor();
      // Long partner names wrap over two lines of the axis.
      expect(await page.getByTestId('chart-partners').textContent()).toMatch(/Global Case\s*Network[\s\S]*Safe Harbour\s*Hotline/);
      await page.locator('[data-testid="chart-countries"] .recharts-bar-rectangle').first().waitFor();
      const differencing = page.getByTestId('differencing');
      if (detail.measures.differencing.note) expect(await differencing.innerText()).toContain(detail.measures.differencing.note);
      await differencing.getByTestId(detail.differencing.length ? 'differencing-count' : 'differencing-none').waitFor();
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

describe('the policy pages', () => {
  const NOT_NESTING = 'Female;Woman;W;*\nMale;Woman;M;*\nTransgender/NonConforming;Other;O;*\n;;;*\n';

  it('let a privacy officer preview and export a hierarchy, and save a new policy, with the server\'s refusals shown in place', async () => {
    await inBrowser(browser, app.baseUrl, 'policy-editor', async (page) => {
      await signIn(page, officer.email);
      await page.goto('/#/policies');
      await page.locator('tbody tr', { hasText: 'default' }).first().click();
      const qis = page.getByTestId('policy-qis');
      await qis.locator('[data-qi="citizenship"]').getByText('citizenship').click();
      const preview = page.getByTestId('preview-citizenship');
      await preview.waitFor();
      expect(await preview.locator('[data-level]').count()).toBe(4);
      expect(await preview.locator('[data-level="3"]').innerText()).toContain('*');
      await qis.locator('[data-qi="citizenship"] .MuiCollapse-entered').waitFor();
      await screenshot(page, 'policy-01-hierarchy-preview');

      // ARX's format: one line per value with its generalizations up to "*".
      const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-citizenship').click()]);
      const csv = await new Promise<string>((resolve, reject) => {
        void file.createReadStream().then((stream) => {
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c)).on('end', () => resolve(Buffer.concat(chunks).toString('utf8'))).on('error', reject);
        });
      });
      const lines = csv.trim().split('\n');
      expect(lines.length).toBeGreaterThan(200);
      expect(lines.every((l) => l.split(';').length === 4 && l.endsWith(';*'))).toBe(true);

      // The editor: a new policy from the default one. The server's messages land under their fields.
      await page.getByRole('link', { name: 'New version' }).click();
      const editor = page.getByTestId('policy-editor');
      await editor.getByLabel('Save as a new policy').check();
      await editor.locator('input[name="name"]').fill('strict border');
      await editor.locator('input[name="k"]').fill('1');
      await page.getByTestId('policy-save').click();
      await editor.getByText('k must be at least 2').waitFor();
      await editor.locator('input[name="k"]').fill('15');
      const gender = editor.locator('tr[data-qi="gender"]');
      await gender.getByRole('combobox').first().click();
      await page.getByRole('option', { name: 'ARX CSV (paste or upload)' }).click();
      await editor.getByTestId('csv-gender').fill(NOT_NESTING);
      await page.getByTestId('policy-save').click();
      await editor.getByTestId('error-hierarchy-gender').waitFor();
      expect(await editor.getByTestId('error-hierarchy-gender').innerText()).toMatch(/levels do not nest: "Woman" at level 1 generalizes to both "W" and "M"/);
      await screenshot(page, 'policy-02-editor-refused');

      await gender.getByRole('combobox').first().click();
      await page.getByRole('option', { name: /^As in default v\d+$/ }).click();
      await editor.locator('tr[data-qi="ageBroad"]').getByRole('combobox').nth(1).click();
      await page.getByRole('option', { name: 'Level 2' }).click();
      await page.getByTestId('policy-save').click();
      await page.getByTestId('policy-parameters').waitFor();
      expect(await page.getByTestId('policy-parameters').innerText()).toMatch(/k\s+15/);
      expect(await page.locator('[data-qi="ageBroad"]').first().innerText()).toContain('Levels 0 to 3 · highest allowed: 2');

      // A hierarchy file that does not nest is refused by the server, in the import dialog.
      await page.locator('[data-qi="gender"]').getByText('gender').click();
      await page.getByTestId('import-gender').click();
      const dialog = page.getByTestId('arx-import');
      await dialog.locator('textarea[name="csv"]').fill(NOT_NESTING);
      await dialog.getByRole('button', { name: 'Import ARX CSV' }).click();
      await dialog.getByText(/levels do not nest/).first().waitFor();
      await screenshot(page, 'policy-03-import-refused');
      await dialog.getByRole('button', { name: 'Cancel' }).click();
    });
  });
});
