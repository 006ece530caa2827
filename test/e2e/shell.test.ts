import { eq } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { users } from '../../db/schema';
import { createTestUser, startTestApp, type TestApp } from '../support/harness';
import {
  chooseLanguage, ensureAdminUiBuilt, fillSignIn, inBrowser, launchBrowser, menuEntries, openMenu, screenshot, signIn, signOut,
} from './support/browser';

jest.setTimeout(120_000);

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

describe('admin UI shell', () => {
  it('says clearly when the password is wrong', async () => {
    const admin = await createTestUser(app.ctx, ['admin']);
    await inBrowser(browser, app.baseUrl, 'wrong-password', async (page) => {
      await page.locator('input[name="username"]').waitFor();
      await fillSignIn(page, admin.email, 'not-the-password');
      const error = page.getByTestId('sign-in-error');
      await error.waitFor();
      expect(await error.innerText()).toBe('Wrong e-mail or password.');
      await screenshot(page, 'shell-01-wrong-password');
    });
  });

  it('signs in to the dashboard, switches to French (saved for next time) and signs out', async () => {
    const steward = await createTestUser(app.ctx, ['data_steward', 'privacy_officer']);
    await inBrowser(browser, app.baseUrl, 'dashboard-french', async (page) => {
      await signIn(page, steward.email);
      expect(await page.getByTestId('welcome').innerText()).toBe(`Welcome, ${steward.name}`);
      await page.getByText('Data steward', { exact: true }).first().waitFor();
      // What it lists depends on other tests' data (profiled files wait for any steward): only its presence is checked.
      await page.getByTestId('waiting-for-me').getByText('Waiting for me').waitFor();
      // Staff other than admins see the audit log and jobs, not user management.
      // Other pages join the menu as they are built: what matters is what this role sees and does not.
      const entries = await menuEntries(page);
      expect(entries).toEqual(expect.arrayContaining(['Dashboard', 'Partners', 'Submissions', 'Mappings', 'Audit log', 'Jobs', 'Notifications']));
      expect(entries).not.toContain('Users');
      await screenshot(page, 'shell-02-dashboard-en');

      await chooseLanguage(page, 'English', 'Français');
      await page.getByText(`Bienvenue, ${steward.name}`).waitFor();
      await page.getByText('En attente de moi').waitFor();
      await page.getByText('Gestionnaire de données', { exact: true }).first().waitFor();
      expect(await menuEntries(page)).toEqual(expect.arrayContaining(['Tableau de bord', 'Partenaires', 'Envois', 'Correspondances', "Journal d'audit", 'Tâches', 'Notifications']));
      await screenshot(page, 'shell-03-dashboard-fr');

      // The choice is saved on the server, so it follows the user to another session.
      await expectLocale(steward.id, 'fr');
      await openMenu(page, "Journal d'audit");
      await page.getByRole('cell', { name: 'Connexion', exact: true }).first().waitFor();
      await screenshot(page, 'shell-04-audit-log-fr');

      await signOut(page);
      await page.getByRole('button', { name: 'Se connecter' }).waitFor();
      await screenshot(page, 'shell-05-signed-out-fr');
    });

    // A fresh browser opens in French after signing in, because the server remembers.
    await inBrowser(browser, app.baseUrl, 'french-remembered', async (page) => {
      await signIn(page, steward.email);
      await page.getByText(`Bienvenue, ${steward.name}`).waitFor();
    });
  });

  it('lets an admin create a user through the form and find it in the list', async () => {
    const admin = await createTestUser(app.ctx, ['admin']);
    const email = `new-steward-${Date.now()}@ctdc.test`;
    await inBrowser(browser, app.baseUrl, 'create-user', async (page) => {
      await signIn(page, admin.email);
      expect(await menuEntries(page)).toEqual(expect.arrayContaining(['Dashboard', 'Partners', 'Submissions', 'Mappings', 'Users', 'Audit log', 'Jobs', 'Notifications']));
      await openMenu(page, 'Users');
      await page.getByRole('link', { name: 'Create' }).click();

      await page.locator('input[name="name"]').fill('Nadia Steward');
      await page.locator('input[name="email"]').fill(email);
      await page.getByRole('checkbox', { name: 'Data steward' }).check();
      await page.getByRole('checkbox', { name: 'Release manager' }).check();
      await page.locator('input[name="password"]').fill('short');
      await page.getByRole('button', { name: 'Save' }).click();
      await page.getByText('At least 10 characters', { exact: true }).first().waitFor();
      await screenshot(page, 'shell-06-user-form-invalid');

      await page.locator('input[name="password"]').fill('a-long-enough-password');
      await page.getByRole('button', { name: 'Save' }).click();
      await page.getByText('User created').waitFor();
      const row = page.locator('tr', { hasText: email });
      await row.waitFor();
      expect(await row.innerText()).toMatch(/Nadia Steward[\s\S]*Data steward[\s\S]*Release manager[\s\S]*Active/);
      await screenshot(page, 'shell-07-users-list');

      const [created] = await app.ctx.db.select().from(users).where(eq(users.email, email));
      expect(created).toMatchObject({ name: 'Nadia Steward', roles: ['data_steward', 'release_manager'], active: true, locale: 'en' });

      // The server's refusal reaches the form: the same e-mail cannot be used twice.
      await page.getByRole('link', { name: 'Create' }).click();
      await page.locator('input[name="name"]').fill('Someone Else');
      await page.locator('input[name="email"]').fill(email);
      await page.getByRole('checkbox', { name: 'Viewer' }).check();
      await page.locator('input[name="password"]').fill('a-long-enough-password');
      await page.getByRole('button', { name: 'Save' }).click();
      await page.getByText('Already in use').waitFor();
      await screenshot(page, 'shell-08-user-duplicate-email');

      // The new user's page shows its own history.
      await page.goto(`/#/users/${created.id}`);
      await page.getByTestId('entity-history').getByText('User created').waitFor();
      await screenshot(page, 'shell-09-user-edit');
    });
  });
});

async function expectLocale(userId: string, locale: string) {
  for (let i = 0; i < 50; i++) {
    const [row] = await app.ctx.db.select({ locale: users.locale }).from(users).where(eq(users.id, userId));
    if (row.locale === locale) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`The user's locale was not saved as ${locale}`);
}
