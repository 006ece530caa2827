import type { Browser } from 'playwright-core';
import { eq } from 'drizzle-orm';
import { jobRuns, notifications } from '../../db/schema';
import { createTestUser, startTestApp, waitFor, type TestApp } from '../support/harness';
import { chooseLanguage, ensureAdminUiBuilt, inBrowser, launchBrowser, menuEntries, openMenu, screenshot, signIn } from './support/browser';

jest.setTimeout(120_000);

let app: TestApp;
let browser: Browser;

beforeAll(async () => {
  ensureAdminUiBuilt();
  app = await startTestApp();
  await app.startWorkers();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('operations pages', () => {
  it('shows an admin a job running to completion after a retry, with its result', async () => {
    const admin = await createTestUser(app.ctx, ['admin']);
    await inBrowser(browser, app.baseUrl, 'self-test', async (page) => {
      await signIn(page, admin.email);
      await openMenu(page, 'Jobs');
      await page.getByRole('link', { name: 'Queue board' }).waitFor();
      await page.getByRole('button', { name: 'Run self-test' }).click();
      // The list polls while jobs run: the new one shows up and finishes without a reload.
      await page.locator('tbody tr', { hasText: 'Job system self-test' }).locator('[data-status="completed"]').first().waitFor({ timeout: 30_000 });
      await screenshot(page, 'ops-01-jobs');

      // Other test runs may share the jobs table: this admin's own run is the one to follow.
      const mine = await waitFor(async () => (await app.ctx.db.select().from(jobRuns).where(eq(jobRuns.requestedBy, admin.id)))[0], 10_000, 'the run');
      await page.goto(`/#/job-runs/${mine.id}/show`);
      await page.locator('[data-testid="job-progress"][data-status="completed"]').waitFor({ timeout: 30_000 });
      expect(await page.getByTestId('job-progress').innerText()).toMatch(/Completed[\s\S]*Attempt 2 of 3[\s\S]*100%/);
      expect(JSON.parse(await page.getByTestId('job-run-result').innerText())).toEqual({ attempts: 2 });
      await screenshot(page, 'ops-02-job');
      // The worker wrote its step in English; a French reader reads it in French.
      expect(await page.getByTestId('job-step').innerText()).toBe('Attempt 2');
      await chooseLanguage(page, 'English', 'Français');
      await page.getByTestId('job-step').getByText('Tentative 2', { exact: true }).waitFor();
    });
  });

  it('lets an admin verify the audit chain and read one event with its hash', async () => {
    const admin = await createTestUser(app.ctx, ['admin']);
    await inBrowser(browser, app.baseUrl, 'audit', async (page) => {
      await signIn(page, admin.email);
      await openMenu(page, 'Audit log');
      await page.getByRole('button', { name: 'Verify chain' }).click();
      const result = page.getByTestId('audit-verify-result');
      await result.waitFor();
      expect(await result.innerText()).toMatch(/^The audit chain is intact: \d+ events checked\.$/);
      await screenshot(page, 'ops-03-audit-verified');
      await page.keyboard.press('Escape');

      // Clicking the row (not its entity link) opens the event.
      await page.locator('tbody tr', { hasText: 'Signed in' }).first().getByText('Signed in').click();
      expect(await page.getByTestId('audit-hash').innerText()).toMatch(/^[0-9a-f]{64}$/);
      await screenshot(page, 'ops-04-audit-event');
    });
  });

  it('counts unread notifications in the bell and marks them read', async () => {
    const steward = await createTestUser(app.ctx, ['data_steward']);
    await app.ctx.db.insert(notifications).values([
      { userId: steward.id, kind: 'test', title: 'Mapping to review', body: 'Version 3 of a mapping waits for your review.', dedupeKey: 'e2e-1' },
      { userId: steward.id, kind: 'test', title: 'Submission profiled', body: 'A delivery finished profiling.', dedupeKey: 'e2e-2' },
    ]);
    await inBrowser(browser, app.baseUrl, 'notifications', async (page) => {
      await signIn(page, steward.email);
      const bell = page.getByTestId('notifications-bell');
      await bell.getByText('2', { exact: true }).waitFor();
      await bell.click();
      await page.getByText('Mapping to review').waitFor();
      await screenshot(page, 'ops-05-notifications');
      await page.locator('tbody tr', { hasText: 'Mapping to review' }).getByRole('button', { name: 'Mark as read' }).click();
      await bell.getByText('1', { exact: true }).waitFor();
      await page.getByRole('button', { name: 'Mark all as read' }).click();
      await page.getByText('All notifications are marked as read.').waitFor();
      await page.getByRole('button', { name: 'Notifications', exact: true }).waitFor();
    });
  });

  it('shows a viewer only what the role allows, and refuses the rest', async () => {
    const viewer = await createTestUser(app.ctx, ['viewer']);
    await inBrowser(browser, app.baseUrl, 'viewer', async (page) => {
      await signIn(page, viewer.email);
      // Viewers read partners, never submissions, mappings, users, the audit log or jobs.
      const entries = await menuEntries(page);
      expect(entries).toEqual(expect.arrayContaining(['Dashboard', 'Partners', 'Notifications']));
      for (const hidden of ['Submissions', 'Mappings', 'Users', 'Audit log', 'Jobs']) expect(entries).not.toContain(hidden);
      await page.goto('/#/users');
      await page.getByText('Access denied').waitFor();
      // The page does not even ask the API (which would refuse with an error pop-up).
      await page.waitForTimeout(500);
      expect(await page.locator('.MuiSnackbar-root').count()).toBe(0);
      await screenshot(page, 'ops-06-viewer-denied');
    });
  });
});
