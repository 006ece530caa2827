import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { TEST_PASSWORD } from '../../support/harness';

export { ensureAdminUiBuilt } from './build-ui';

const root = path.resolve(__dirname, '..', '..', '..');
export const SCREENSHOT_DIR = path.join(root, 'test-artifacts', 'screenshots');

/** Debian's Chromium, never a browser downloaded by a test tool. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
}

export interface UiSession {
  context: BrowserContext;
  page: Page;
  /** Uncaught exceptions in the page: a test should end with none. */
  pageErrors: string[];
  close(): Promise<void>;
}

/** A fresh browser profile (no cookies, no stored language) on the app. */
export async function openApp(browser: Browser, baseUrl: string): Promise<UiSession> {
  const context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1280, height: 800 }, locale: 'en-GB' });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (err) => pageErrors.push(err.message));
  await page.goto('/');
  return { context, page, pageErrors, close: () => context.close() };
}

/**
 * Runs a browser scenario in a fresh profile: on failure it saves a screenshot named after the
 * scenario (to see what the page showed), and it fails if the page threw an uncaught error.
 */
export async function inBrowser(browser: Browser, baseUrl: string, name: string, scenario: (page: Page) => Promise<void>): Promise<void> {
  const ui = await openApp(browser, baseUrl);
  try {
    await scenario(ui.page);
    expect(ui.pageErrors).toEqual([]);
  } catch (err) {
    await screenshot(ui.page, `FAILED-${name}`).catch(() => undefined);
    throw err;
  } finally {
    await ui.close();
  }
}

export async function signIn(page: Page, email: string, password = TEST_PASSWORD): Promise<void> {
  await page.goto('/#/login');
  await fillSignIn(page, email, password);
  await page.getByTestId('welcome').waitFor();
}

/** Fills and submits the sign-in form without waiting for any outcome. */
export async function fillSignIn(page: Page, email: string, password: string): Promise<void> {
  await page.locator('input[name="username"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('form button[type="submit"]').click();
}

/** Signs out through the user menu, in whatever language the UI is in. */
export async function signOut(page: Page): Promise<void> {
  await page.locator('.RaUserMenu-userButton').click();
  await page.locator('.logout').click();
  await page.locator('input[name="username"]').waitFor();
}

/** Picks an interface language from the app bar's language menu. */
export async function chooseLanguage(page: Page, current: string, next: string): Promise<void> {
  await page.getByRole('button', { name: current }).click();
  await page.getByRole('menuitem', { name: next }).click();
}

/** A full-page screenshot in test-artifacts/screenshots/<name>.png, for people to look at. */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Follows an entry of the side menu by its visible name. */
export async function openMenu(page: Page, name: string): Promise<void> {
  await page.getByRole('menuitem', { name, exact: true }).click();
}

/** Texts of the side menu's entries, in order. */
export async function menuEntries(page: Page): Promise<string[]> {
  const items = page.locator('.RaMenu-open a, .RaMenu-closed a');
  await items.first().waitFor();
  return (await items.allInnerTexts()).map((t) => t.trim()).filter(Boolean);
}
