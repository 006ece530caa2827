import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { agreements, partnerContacts, partners } from '../../db/schema';
import { ApiClient, createTestUser, startTestApp, type TestApp } from '../support/harness';
import { isoDay, makePdf } from '../support/partners';
import { ensureAdminUiBuilt, inBrowser, launchBrowser, openMenu, screenshot, signIn } from './support/browser';

jest.setTimeout(180_000);

let app: TestApp;
let browser: Browser;

beforeAll(async () => {
  ensureAdminUiBuilt();
  app = await startTestApp();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

/** Picks an option of a MUI select (react-admin SelectInput) by the select's label. */
async function choose(page: Page, label: string, option: string) {
  await page.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

async function workflowAction(page: Page, name: string, done: string) {
  await page.getByRole('button', { name, exact: true }).click();
  await page.getByText(done).first().waitFor();
}

describe('partner onboarding pages', () => {
  it('a liaison onboards a partner: profile, primary contact, signed agreement with its PDF, activation', async () => {
    const liaison = await createTestUser(app.ctx, ['partner_liaison']);
    const code = `E2E-${Date.now().toString(36).toUpperCase()}`;
    const name = `Coastal Shelter Network ${code}`;
    const pdfPath = path.join(os.tmpdir(), `dsa-${code}.pdf`);
    fs.writeFileSync(pdfPath, await makePdf(`Data-sharing agreement of ${name}`));

    await inBrowser(browser, app.baseUrl, 'partner-onboarding', async (page) => {
      await signIn(page, liaison.email);
      await openMenu(page, 'Partners');
      await page.getByRole('link', { name: 'Create' }).click();

      // The server's own field messages come back under the inputs.
      await page.locator('input[name="name"]').fill(name);
      await page.locator('input[name="shortCode"]').fill(code);
      await choose(page, 'Type', 'NGO');
      await page.getByRole('combobox', { name: 'Countries' }).fill('Keny');
      await page.getByRole('option', { name: 'Kenya' }).click();
      await page.getByRole('combobox', { name: 'Countries' }).fill('Tanz');
      await page.getByRole('option', { name: /Tanzania/ }).click();
      await page.locator('input[name="website"]').fill('not a url');
      await choose(page, 'Contribution cadence', 'Monthly');
      await page.getByRole('button', { name: 'Save' }).click();
      await page.getByText('Website must be a full URL (https://…)', { exact: true }).waitFor();
      await screenshot(page, 'partners-01-create-server-validation');
      await page.locator('input[name="website"]').fill('https://coastal.example.org');
      await page.getByRole('button', { name: 'Save' }).click();

      // The new partner's page: a prospect, with its countries named.
      await page.getByTestId('partner-status').filter({ hasText: 'Prospect' }).waitFor();
      await page.getByText('Kenya').first().waitFor();
      const [row] = await app.ctx.db.select().from(partners).where(eq(partners.shortCode, code));
      expect(row).toMatchObject({ name, type: 'ngo', countries: ['KE', 'TZ'], cadence: 'monthly', status: 'prospect', liaisonId: liaison.id });
      await screenshot(page, 'partners-02-profile');

      // Activation is refused while nothing is on file, and says why.
      await workflowAction(page, 'Engage', 'Engage: done');
      await workflowAction(page, 'Request agreement', 'Request agreement: done');
      await page.getByRole('button', { name: 'Activate', exact: true }).click();
      await page.getByText(/A signed data-sharing agreement in force today/).waitFor();

      // A primary contact.
      await page.getByRole('tab', { name: 'Contacts' }).click();
      await page.getByRole('button', { name: 'Add a contact' }).click();
      await page.locator('input[name="name"]').fill('Amina Odhiambo');
      await page.locator('input[name="email"]').fill('amina@coastal.example.org');
      await page.locator('input[name="function"]').fill('Data officer');
      await page.getByRole('checkbox', { name: /Primary contact/ }).check();
      await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
      await page.locator('[data-testid="contact-row"][data-primary="true"]', { hasText: 'Amina Odhiambo' }).waitFor();
      await screenshot(page, 'partners-03-contacts');

      // A draft agreement, its signed PDF (with a progress bar), then signed.
      await page.getByRole('tab', { name: 'Agreements' }).click();
      await page.getByRole('button', { name: 'New agreement' }).click();
      await page.locator('input[name="signedDate"]').fill(isoDay(-5));
      await page.locator('input[name="effectiveDate"]').fill(isoDay(-1));
      await page.locator('input[name="expiryDate"]').fill(isoDay(-2));
      await page.locator('textarea[name="attribution"]').fill('Data courtesy of the Coastal Shelter Network.');
      await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
      await page.getByText('The expiry date must be after the effective date').waitFor();
      await page.locator('input[name="expiryDate"]').fill(isoDay(700));
      await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
      const agreementRow = page.locator('[data-testid="agreement-row"][data-version="1"]');
      await agreementRow.and(page.locator('[data-status="draft"]')).waitFor();

      await agreementRow.getByTestId('agreement-upload').click();
      await page.getByTestId('file-input').setInputFiles(pdfPath);
      await page.getByText('Signed document attached').waitFor();
      await agreementRow.getByTestId('agreement-download').waitFor();
      await agreementRow.getByRole('button', { name: 'Mark as signed' }).click();
      await page.locator('[data-testid="agreement-row"][data-version="1"][data-status="signed"]').waitFor();
      await screenshot(page, 'partners-04-agreement-signed');

      const [agreement] = await app.ctx.db.select().from(agreements).where(eq(agreements.partnerId, row.id));
      expect(agreement).toMatchObject({ status: 'signed', documentName: path.basename(pdfPath), attribution: 'Data courtesy of the Coastal Shelter Network.' });
      expect(agreement.scopeGroups.length).toBeGreaterThan(0);
      // The download serves the very PDF uploaded.
      const download = await page.request.get(`/api/agreements/${agreement.id}/document`);
      expect(download.status()).toBe(200);
      expect(Buffer.from(await download.body())).toEqual(fs.readFileSync(pdfPath));

      // Now activation goes through.
      await workflowAction(page, 'Activate', 'Activate: done');
      await page.getByTestId('partner-status').filter({ hasText: 'Active' }).waitFor();
      const [contact] = await app.ctx.db.select().from(partnerContacts).where(eq(partnerContacts.partnerId, row.id));
      expect(contact.isPrimary).toBe(true);

      // The history tab tells the story.
      await page.getByRole('tab', { name: 'History' }).click();
      const history = page.getByTestId('entity-history');
      await history.getByText('Activate').first().waitFor();
      expect(await history.innerText()).toMatch(/Agreement requested|Request agreement/);
      await screenshot(page, 'partners-05-history');

      // A partner user is invited; the temporary password is shown once and works.
      await page.getByRole('tab', { name: 'Partner users' }).click();
      await page.getByRole('button', { name: 'Invite a partner user' }).click();
      const inviteEmail = `uploader-${code.toLowerCase()}@coastal.example.org`;
      await page.locator('input[name="name"]').fill('Joseph Uploader');
      await page.locator('input[name="email"]').fill(inviteEmail);
      await page.getByRole('button', { name: 'Create the account' }).click();
      const password = await page.getByTestId('one-time-password').innerText();
      expect(password.length).toBeGreaterThanOrEqual(10);
      await screenshot(page, 'partners-06-one-time-password');
      await page.getByRole('button', { name: 'I have noted it' }).click();
      await page.getByRole('cell', { name: inviteEmail }).waitFor();
      expect(await page.getByTestId('one-time-password').count()).toBe(0);
      expect((await new ApiClient(app.baseUrl).login(inviteEmail, password)).status).toBe(200);

      // The list: the partner is counted and shown under the Active tab.
      await openMenu(page, 'Partners');
      await page.getByRole('tab', { name: /^Active \(\d+\)$/ }).click();
      await page.locator('tbody tr', { hasText: name }).waitFor();
      await page.getByRole('tab', { name: /^Prospect/ }).click();
      await page.locator('tbody tr', { hasText: name }).waitFor({ state: 'detached' });
      await page.getByRole('tab', { name: /^Active/ }).click();
      await page.locator('tbody tr', { hasText: name }).waitFor();
      await screenshot(page, 'partners-07-list-active-tab');
    });
    fs.rmSync(pdfPath, { force: true });
  });

  it('offboarding asks whether past contributions stay, as a yes/no question', async () => {
    const liaison = await createTestUser(app.ctx, ['partner_liaison']);
    const [row] = await app.ctx.db.insert(partners).values({
      name: `Leaving Partner ${Date.now()}`, shortCode: `LEAVE-${Date.now().toString(36).toUpperCase()}`, type: 'hotline',
      dataSource: 'Hotline', cadence: 'quarterly', status: 'engaged',
    }).returning();
    await inBrowser(browser, app.baseUrl, 'partner-offboarding', async (page) => {
      await signIn(page, liaison.email);
      await page.goto(`/#/partners/${row.id}/show`);
      // The profile is edited through its form (the state only through actions).
      await page.getByRole('link', { name: 'Edit' }).click();
      await page.locator('textarea[name="description"]').fill('A national hotline that closed in 2026.');
      await page.getByRole('button', { name: 'Save' }).click();
      await page.getByText('A national hotline that closed in 2026.').waitFor();
      await page.getByRole('button', { name: 'Offboard', exact: true }).click();
      const dialog = page.getByRole('dialog');
      await dialog.locator('textarea[name="reason"]').fill('The hotline closed.');
      // No default answer: the liaison must choose.
      const confirm = dialog.getByRole('button', { name: 'Offboard' });
      expect(await confirm.isDisabled()).toBe(true);
      await dialog.getByRole('radio', { name: 'No' }).check();
      await screenshot(page, 'partners-08-offboard-question');
      await confirm.click();
      await page.getByTestId('partner-status').filter({ hasText: 'Offboarded' }).waitFor();
    });
    const [after] = await app.ctx.db.select().from(partners).where(eq(partners.id, row.id));
    expect(after).toMatchObject({ status: 'offboarded', keepContributions: false, description: 'A national hotline that closed in 2026.' });
  });

  it('the dashboard charts partners by state and lists agreements about to expire, with links', async () => {
    const liaison = await createTestUser(app.ctx, ['partner_liaison']);
    const [expiring] = await app.ctx.db.insert(partners).values({
      name: `Expiring Partner ${Date.now()}`, shortCode: `EXP-${Date.now().toString(36).toUpperCase()}`, type: 'ngo',
      dataSource: 'Case Management', cadence: 'quarterly', status: 'active', activatedAt: new Date(),
    }).returning();
    await app.ctx.db.insert(agreements).values({
      partnerId: expiring.id, version: 1, signedDate: isoDay(-300), effectiveDate: isoDay(-300), expiryDate: isoDay(20),
      attribution: 'Courtesy of the expiring partner.', status: 'signed',
    });
    await inBrowser(browser, app.baseUrl, 'dashboard-widgets', async (page) => {
      await signIn(page, liaison.email);
      const chart = page.getByTestId('widget-partners-by-state');
      await chart.locator('svg.recharts-surface').waitFor();
      await chart.getByText('Agreement pending').waitFor();
      const row = page.getByTestId('widget-agreements-expiring').locator('tr', { hasText: expiring.name });
      expect(await row.innerText()).toMatch(/v1[\s\S]*(19|20|21) days left/);
      await screenshot(page, 'partners-09-dashboard');
      await row.getByRole('link', { name: expiring.name }).click();
      await page.locator('[data-testid="agreement-row"][data-version="1"][data-status="signed"]').waitFor();
    });
  });
});
