import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { anonymizationRuns, releaseArtifacts, releases } from '../../db/schema';
import { signedIn, startTestApp, waitFor, type TestApp, type TestUser } from '../support/harness';
import { contributingPartner, download, harmonizedSubmission, releaseRow, sha256 } from '../support/releases';
import { ensureAdminUiBuilt, inBrowser, launchBrowser, openApp, openMenu, screenshot as fullPage, SCREENSHOT_DIR, signIn } from './support/browser';

jest.setTimeout(300_000);

/** A full-page screenshot taken from the top, so the app bar is not painted over the middle of the page. */
async function screenshot(page: Page, name: string) {
  await page.evaluate('window.scrollTo(0, 0)');
  return fullPage(page, name);
}

const VERSION = '2042.1';

let app: TestApp;
let browser: Browser;
let composer: TestUser;
let officer: TestUser;
let manager: TestUser;
let submissionIds: string[];
let partnerA: string;
let releaseId: string;

beforeAll(async () => {
  ensureAdminUiBuilt();
  app = await startTestApp();
  await app.startWorkers();
  browser = await launchBrowser();
  const a = await contributingPartner(app, 'Hope & Shelter Moldova', 'Data courtesy of Hope & Shelter Moldova.');
  partnerA = a.id;
  const b = await contributingPartner(app, 'Northern Hotline', 'Contains data from Northern Hotline.');
  const uploader = (await signedIn(app, ['data_steward'])).client;
  submissionIds = [
    (await harmonizedSubmission(app, uploader, a.id, 'hotline', 3000, 31)).id,
    (await harmonizedSubmission(app, uploader, b.id, 'htcds', 3000, 32)).id,
  ];
  composer = (await signedIn(app, ['release_manager'])).user;
  officer = (await signedIn(app, ['privacy_officer'])).user;
  manager = (await signedIn(app, ['release_manager'])).user;
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

const releaseStatus = (page: Page, state: string) => page.locator(`[data-testid="release-status"][data-state="${state}"]`).first().waitFor({ timeout: 60_000 });

async function signOffAs(page: Page, comment: string) {
  await page.goto(`/#/releases/${releaseId}/show`);
  await page.getByTestId('signoff-form').waitFor();
  await page.getByTestId('signoff-form').locator('textarea[name="comment"]').fill(comment);
  await page.getByTestId('signoff-submit').click();
  await page.locator(`[data-testid="signoffs"] tr`, { hasText: comment }).waitFor();
}

describe('a release from composition to public download', () => {
  it('is composed by a release manager from harmonized submissions and anonymized under the default policy', async () => {
    await inBrowser(browser, app.baseUrl, 'release-compose', async (page) => {
      await signIn(page, composer.email);
      await openMenu(page, 'Releases');
      await page.getByRole('link', { name: 'Create' }).click();
      const form = page.getByTestId('compose-form');
      await form.locator('input[name="version"]').fill('2042');
      await form.locator('input[name="title"]').fill('Global victim dataset 2042, first release');
      await form.locator('textarea[name="description"]').fill('Two partners, anonymized under the default policy.');
      for (const id of submissionIds) await form.locator(`tr[data-submission="${id}"]`).click();
      expect(await page.getByTestId('selection-summary').innerText()).toBe('2 submissions selected, 6,000 records');
      await page.getByTestId('eligible-submissions').getByText('Hope & Shelter Moldova').waitFor();

      // The server's field message shows under the field it is about.
      await page.getByTestId('compose-save').click();
      await form.getByText('Use a version like 2026.2').waitFor();
      await screenshot(page, 'release-01-compose-invalid-version');
      await form.locator('input[name="version"]').fill(VERSION);
      await page.getByTestId('compose-save').click();

      await releaseStatus(page, 'draft');
      const [row] = await app.ctx.db.select().from(releases).where(eq(releases.version, VERSION));
      releaseId = row.id;
      expect(await page.getByTestId('release-records').innerText()).toBe('6,000');
      expect(await page.getByTestId('release-composition').innerText()).toMatch(/2 submissions from 2 partner\(s\), 6,000 records/);

      await page.locator('[data-action="start_anonymization"]').click();
      const dialog = page.getByTestId('start-anonymization');
      await dialog.getByText(/^default v\d+ · k = 11 · 5 % · 7 quasi-identifiers$/).waitFor();
      await dialog.getByRole('button', { name: 'Start anonymization' }).click();
      await page.locator('[data-testid="release-runs"] [data-testid="run-status"][data-state="completed"]').waitFor({ timeout: 120_000 });
      await releaseStatus(page, 'anonymizing');
      await screenshot(page, 'release-02-anonymized');
    });
  });

  it('is approved by a privacy officer, then signed off by that officer and by a release manager who did not compose it', async () => {
    await inBrowser(browser, app.baseUrl, 'release-review', async (page) => {
      await signIn(page, officer.email);
      await page.goto(`/#/releases/${releaseId}/show`);
      await page.getByTestId('run-link').first().click();
      await page.locator('[data-testid="run-overview"] [data-testid="run-status"][data-state="completed"]').waitFor();
      await page.getByTestId('fig-kept').waitFor();
      await page.locator('[data-testid="workflow-actions"] [data-action="approve"]').click();
      await page.locator('[data-testid="run-overview"] [data-testid="run-status"][data-state="approved"]').waitFor();
      await page.getByTestId('run-release-link').click();
      await releaseStatus(page, 'in_review');
      expect(await page.getByTestId('signoff-form').innerText()).toContain('You sign as Privacy officer.');
      await signOffAs(page, 'Risk figures checked: smallest class 11, 0 % above the threshold');
      expect(await page.locator('[data-testid="signoff-needed"] [data-role="privacy_officer"]').getAttribute('data-signed')).toBe('true');
      await screenshot(page, 'release-03-privacy-signed');
    });

    // The composer may not sign off: the server says why, in the panel.
    await inBrowser(browser, app.baseUrl, 'release-composer-refused', async (page) => {
      await signIn(page, composer.email);
      await page.goto(`/#/releases/${releaseId}/show`);
      await page.getByTestId('signoff-form').locator('textarea[name="comment"]').fill('I composed it myself');
      await page.getByTestId('signoff-submit').click();
      const refusal = page.getByTestId('signoff-form').getByTestId('action-error');
      await refusal.waitFor();
      expect(await refusal.innerText()).toBe('Four-eyes rule: you composed this release, so others must sign it off');
      await screenshot(page, 'release-04-composer-refused');
    });

    await inBrowser(browser, app.baseUrl, 'release-manager-signs', async (page) => {
      await signIn(page, manager.email);
      await signOffAs(page, 'Contents and citation checked');
      await releaseStatus(page, 'approved');
      expect(await page.locator('[data-testid="signoffs"] tbody tr').count()).toBe(2);
      expect(await page.getByTestId('signoffs').innerText()).toMatch(new RegExp(`${officer.name}[\\s\\S]*Privacy officer|${manager.name}[\\s\\S]*Release manager`));
    });
    expect((await releaseRow(app, releaseId)).status).toBe('approved');
  });

  it('is published with live progress of each job, and its artifacts are listed with sizes and SHA-256', async () => {
    await inBrowser(browser, app.baseUrl, 'release-publish', async (page) => {
      await signIn(page, manager.email);
      await page.goto(`/#/releases/${releaseId}/show`);
      await releaseStatus(page, 'approved');
      await page.locator('[data-testid="workflow-actions"] [data-action="publish"]').click();
      const progress = page.getByTestId('publication-progress');
      await progress.waitFor({ timeout: 30_000 });
      await releaseStatus(page, 'published');
      await progress.locator('tr[data-job][data-status="completed"]').nth(4).waitFor({ timeout: 30_000 });
      const steps = await progress.locator('tr[data-job]').evaluateAll((rows) => rows.map((r) => (r as unknown as { getAttribute(name: string): string | null }).getAttribute('data-job')));
      expect(steps).toEqual(['microdata_csv', 'codebook_csv', 'codebook_pdf', 'report_pdf', 'publish']);

      const recorded = await app.ctx.db.select().from(releaseArtifacts).where(eq(releaseArtifacts.releaseId, releaseId));
      expect(recorded).toHaveLength(5);
      const table = page.getByTestId('artifacts');
      await table.waitFor();
      for (const a of recorded) {
        const row = table.locator(`tr[data-kind="${a.kind}"]`);
        expect(await row.getByTestId('artifact-sha').innerText()).toBe(a.sha256);
        expect(await row.innerText()).toContain(a.filename);
      }
      expect(await page.getByTestId('release-citation').innerText()).toContain('Hope & Shelter Moldova');
      await page.getByTestId('entity-history').getByText('Signed off').first().waitFor();
      await screenshot(page, 'release-05-published');
    });
  });

  it('is listed publicly: a browser that never signed in downloads the microdata CSV and the report', async () => {
    const ui = await openApp(browser, app.baseUrl);
    try {
      await ui.page.goto('/releases');
      await ui.page.getByRole('heading', { name: `${VERSION}: Global victim dataset 2042, first release` }).waitFor();
      await screenshot(ui.page, 'release-06-public-page');
      const [file] = await Promise.all([ui.page.waitForEvent('download'), ui.page.getByRole('link', { name: 'Microdata (CSV)' }).click()]);
      expect(file.suggestedFilename()).toBe(`ctdc-${VERSION}-microdata.csv`);
      const saved = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'release-')), file.suggestedFilename());
      await file.saveAs(saved);
      const csv = fs.readFileSync(saved);
      const [artifact] = await app.ctx.db.select().from(releaseArtifacts).where(eq(releaseArtifacts.releaseId, releaseId))
        .then((rows) => rows.filter((r) => r.kind === 'microdata_csv'));
      expect(sha256(csv)).toBe(artifact.sha256);
      const lines = csv.toString('utf8').trim().split('\n');
      expect(lines[0]).toContain('yearOfRegistration');
      const { approvedRunId } = await releaseRow(app, releaseId);
      const [run] = await app.ctx.db.select().from(anonymizationRuns).where(eq(anonymizationRuns.id, approvedRunId!));
      expect(lines.length - 1).toBe(run.outputRows);
    } finally {
      await ui.close();
    }

    // The statistical report, downloaded without a session, its first page rendered for people to look at.
    const pdf = await download(app.baseUrl, `/api/public/releases/${VERSION}/artifacts/report_pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'report-'));
    const file = path.join(dir, 'report.pdf');
    fs.writeFileSync(file, pdf.bytes);
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const prefix = path.join(SCREENSHOT_DIR, 'release-07-report-page1');
    for (const old of fs.readdirSync(SCREENSHOT_DIR).filter((f) => f.startsWith('release-07-report-page1'))) fs.rmSync(path.join(SCREENSHOT_DIR, old));
    execFileSync('pdftoppm', ['-png', '-f', '1', '-l', '1', '-r', '60', file, prefix]);
    const [png] = fs.readdirSync(SCREENSHOT_DIR).filter((f) => f.startsWith('release-07-report-page1') && f.endsWith('.png'));
    expect(png).toBeDefined();
    const bytes = fs.readFileSync(path.join(SCREENSHOT_DIR, png));
    expect(bytes.subarray(1, 4).toString()).toBe('PNG');
    expect(bytes.length).toBeGreaterThan(10_000);
  });

  it('shows the next release\'s run next to this one, with its differencing findings and the privacy officer\'s override', async () => {
    const uploader = (await signedIn(app, ['data_steward'])).client;
    const added = await harmonizedSubmission(app, uploader, partnerA, 'hotline', 3200, 33);
    const rm = await signedIn(app, ['release_manager']);
    const composed = await rm.client.post('/api/releases', { version: '2042.2', title: 'Second release', submissionIds: [...submissionIds, added.id] });
    expect(composed.status).toBe(201);
    const policy = (await rm.client.get('/api/policies/default')).body;
    expect((await rm.client.post(`/api/releases/${composed.body.id}/actions/start_anonymization`, { policyId: policy.id })).status).toBe(200);
    const run = await waitFor(async () => {
      const [r] = await app.ctx.db.select().from(anonymizationRuns).where(eq(anonymizationRuns.releaseId, composed.body.id));
      return r && ['completed', 'failed'].includes(r.status) ? r : null;
    }, 120_000, 'the second run');
    expect(run.status).toBe('completed');
    const exposures = run.differencing ?? [];
    // Seeded data: the added file grows a few classes of the first release by fewer than k records.
    expect(exposures.length).toBeGreaterThan(0);
    const [first] = await app.ctx.db.select().from(anonymizationRuns).where(eq(anonymizationRuns.releaseId, releaseId));
    const firstKept = (first.measures as { records: { kept: number } }).records.kept;

    await inBrowser(browser, app.baseUrl, 'differencing-override', async (page) => {
      await signIn(page, officer.email);
      await page.goto(`/#/anonymization-runs/${run.id}/show`);
      const comparison = page.getByTestId('run-comparison');
      await comparison.getByRole('link', { name: `Release ${VERSION}` }).waitFor();
      expect(await comparison.locator('tr[data-row="kept"] td[data-column="previous"]').innerText()).toContain(new Intl.NumberFormat('en').format(firstKept));
      const panel = page.getByTestId('differencing');
      expect(await panel.getByTestId('differencing-count').innerText()).toBe(
        exposures.length === 1 ? '1 class is exposed to differencing' : `${exposures.length} classes are exposed to differencing`);
      expect(await panel.locator('[data-testid="differencing-findings"] tbody tr').count()).toBe(Math.min(exposures.length, 50));
      await panel.locator('textarea[name="reason"]').fill('Synthetic test data: the new records come from one partner\'s later file');
      await panel.getByRole('button', { name: 'Accept the exposure' }).click();
      await panel.getByTestId('differencing-override').waitFor();
      expect(await panel.getByTestId('differencing-override').innerText()).toContain('one partner\'s later file');
      await screenshot(page, 'release-08-differencing-override');
    });
    const [after] = await app.ctx.db.select().from(anonymizationRuns).where(eq(anonymizationRuns.id, run.id));
    expect(after.differencingOverrideReason).toContain('later file');
  });

  it('builds contribution reports on request: staff for any partner, a partner user for its own organisation only', async () => {
    await inBrowser(browser, app.baseUrl, 'reports-staff', async (page) => {
      await signIn(page, composer.email);
      await openMenu(page, 'Reports');
      await page.getByTestId('new-report').click();
      await page.getByLabel('Partner').click();
      await page.getByRole('option', { name: 'Northern Hotline' }).click();
      await page.getByRole('button', { name: 'Request' }).click();
      const row = page.locator('tbody tr', { hasText: 'Northern Hotline' });
      await row.locator('[data-testid="report-status"][data-status="completed"]').waitFor({ timeout: 60_000 });
      await row.getByTestId('report-download').waitFor();
      await screenshot(page, 'reports-01-staff');
    });

    const partnerUser = (await signedIn(app, ['partner_user'], partnerA)).user;
    await inBrowser(browser, app.baseUrl, 'reports-partner', async (page) => {
      await signIn(page, partnerUser.email);
      await openMenu(page, 'Reports');
      await page.getByTestId('new-report').click();
      await page.getByText('For Hope & Shelter Moldova').waitFor();
      await page.getByRole('button', { name: 'Request' }).click();
      const row = page.locator('tbody tr', { hasText: 'Hope & Shelter Moldova' }).first();
      await row.locator('[data-testid="report-status"][data-status="completed"]').waitFor({ timeout: 60_000 });
      const [file] = await Promise.all([page.waitForEvent('download'), row.getByTestId('report-download').click()]);
      expect(file.suggestedFilename()).toMatch(/\.pdf$/);
      // Another partner's report (the staff request above) is not listed for this partner.
      expect(await page.locator('tbody tr', { hasText: 'Northern Hotline' }).count()).toBe(0);
      await screenshot(page, 'reports-02-partner-user');
    });
  });

  // Last, so that the published release is not left behind for other test files' differencing.
  it('is retracted with a reason: its page says why, and its files are no longer served', async () => {
    await inBrowser(browser, app.baseUrl, 'release-retract', async (page) => {
      await signIn(page, manager.email);
      await page.goto(`/#/releases/${releaseId}/show`);
      await releaseStatus(page, 'published');
      await page.locator('[data-testid="workflow-actions"] [data-action="retract"]').click();
      const dialog = page.getByRole('dialog');
      await dialog.locator('textarea[name="reason"]').fill('A partner withdrew its consent for two records');
      await dialog.getByRole('button', { name: 'Retract' }).click();
      await releaseStatus(page, 'retracted');
      expect(await page.getByTestId('release-retracted').innerText()).toContain('A partner withdrew its consent for two records');
      await screenshot(page, 'release-09-retracted');
    });
    expect((await download(app.baseUrl, `/api/public/releases/${VERSION}/artifacts/microdata_csv`)).status).toBe(410);
  });
});
