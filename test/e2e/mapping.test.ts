import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { asc, eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { mappingVersions, standardRecords, submissions } from '../../db/schema';
import { CTDC_K_V7 } from '../../server/domain/standard';
import { ApiClient, createTestUser, signedIn, startTestApp, waitFor, type TestApp } from '../support/harness';
import { insertPartner } from '../support/partners';
import { generatedBytes, upload, waitForSubmission } from '../support/submissions';
import { chooseLanguage, ensureAdminUiBuilt, inBrowser, launchBrowser, openMenu, screenshot, signIn } from './support/browser';

jest.setTimeout(240_000);

const ROWS = 400;

let app: TestApp;
let browser: Browser;
let partnerId: string;
let partnerName: string;
let submissionId: string;

beforeAll(async () => {
  ensureAdminUiBuilt();
  app = await startTestApp();
  await app.startWorkers();
  browser = await launchBrowser();
  // A profiled hotline export, received through the API as a partner would send it.
  partnerName = `Hotline ${Date.now()}`;
  partnerId = (await insertPartner(app.ctx, 'active', { name: partnerName })).id;
  const { client } = await signedIn(app, ['partner_user'], partnerId);
  const res = await upload(client, partnerId, await generatedBytes('hotline', ROWS, 11), 'hotline-calls.csv');
  expect(res.status).toBe(201);
  submissionId = res.body.id;
  const profiled = await waitForSubmission(app, submissionId, ['profiled', 'failed']);
  expect(profiled.status).toBe('profiled');
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

/** The share a coverage meter shows, once it differs from `not` (the server measures after each save). */
async function meterShare(page: Page, meter: string, not?: number): Promise<number> {
  return waitFor(async () => {
    const raw = await page.getByTestId(meter).getAttribute('data-share').catch(() => null);
    const share = raw === null ? NaN : Number(raw);
    return Number.isFinite(share) && share !== not ? share : null;
  }, 45_000, `${meter} to change`) as Promise<number>;
}

describe('mapping review, four eyes, harmonization', () => {
  it('a steward drafts a mapping from suggestions and submits it; another steward reviews, approves and harmonizes', async () => {
    const author = await createTestUser(app.ctx, ['data_steward']);
    const reviewer = await createTestUser(app.ctx, ['data_steward']);
    let versionId = '';

    await inBrowser(browser, app.baseUrl, 'mapping-author', async (page) => {
      await signIn(page, author.email);
      await page.goto(`/#/submissions/${submissionId}/show`);
      await page.getByTestId('submission-status').filter({ hasText: 'Profiled' }).waitFor();

      // The profile: statistics for every column, values for none of the identifiers.
      await page.getByRole('tab', { name: 'Profile' }).click();
      const nameRow = page.locator('[data-testid="profile-row"][data-column="victim_name"]');
      await nameRow.getByText('identifier — values hidden').waitFor();
      expect(await nameRow.locator('.MuiChip-outlined').count()).toBe(0);
      const genderRow = page.locator('[data-testid="profile-row"][data-column="victim_gender"]');
      expect(await genderRow.innerText()).toMatch(/Female · \d+/);
      await screenshot(page, 'mapping-01-profile');

      // A draft from the suggestions.
      await page.getByRole('button', { name: 'New mapping version' }).click();
      await page.getByRole('radio', { name: 'Start from the suggestions' }).check();
      await page.getByRole('button', { name: 'Create the draft' }).click();
      await page.getByTestId('mapping-editor').waitFor();
      versionId = page.url().match(/mapping-versions\/([0-9a-f-]{36})/)![1];
      await page.getByTestId('suggestion-chip').first().waitFor();
      const valuesBefore = await meterShare(page, 'coverage-values');
      expect(await meterShare(page, 'coverage-records')).toBeGreaterThan(0.8);
      await screenshot(page, 'mapping-02-editor-from-suggestions');

      // Unmapping one gender code lowers coverage once saved...
      const gender = page.locator('[data-testid="variable-row"][data-variable="gender"]');
      await gender.getByTestId('toggle-values').click();
      const f = gender.locator('[data-testid="value-row"][data-value="F"]');
      await f.getByRole('combobox').click();
      await page.getByRole('option', { name: 'Unmapped' }).click();
      await page.getByTestId('unsaved').waitFor();
      await page.getByTestId('save-mapping').click();
      await page.getByText('Mapping saved').first().waitFor();
      const valuesLowered = await meterShare(page, 'coverage-values', valuesBefore);
      expect(valuesLowered).toBeLessThan(valuesBefore);
      await page.getByRole('tab', { name: /Unmapped values/ }).click();
      await page.locator('[data-testid="unmapped-row"]', { hasText: 'victim_gender' }).first().waitFor();
      await screenshot(page, 'mapping-03-unmapped-value');

      // ...and accepting the suggestions maps it again.
      await page.getByRole('tab', { name: 'Rules' }).click();
      await page.getByTestId('accept-all-suggestions').click();
      await page.getByText(/suggestions? accepted/).first().waitFor();
      expect(await gender.locator('[data-testid="value-row"][data-value="F"]').getAttribute('data-mapped')).toBe('true');
      expect(await gender.locator('[data-testid="value-row"][data-value="F"]').innerText()).toMatch(/Female/);
      await page.getByTestId('save-mapping').click();
      expect(await meterShare(page, 'coverage-values', valuesLowered)).toBe(valuesBefore);
      await screenshot(page, 'mapping-04-suggestions-accepted');

      // A comment on a rule, then off to review.
      await gender.getByRole('button', { name: 'Comments: gender' }).click();
      await page.getByRole('dialog').locator('textarea[name="comment"]').fill('Checked the F/M codes against the hotline codebook.');
      await page.getByRole('dialog').getByRole('button', { name: 'Comment' }).click();
      await page.getByRole('dialog').getByTestId('mapping-comment').waitFor();
      await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();

      await page.getByRole('button', { name: 'Submit for review' }).click();
      await page.getByTestId('mapping-status').filter({ hasText: 'In review' }).waitFor();

      // The author may press Approve, but the server refuses and says why.
      await page.getByRole('button', { name: 'Approve', exact: true }).click();
      await page.getByText(/Four-eyes rule: you authored or requested this mapping version/).waitFor();
      await screenshot(page, 'mapping-05-author-refused');
    });
    expect((await app.ctx.db.select().from(mappingVersions).where(eq(mappingVersions.id, versionId)))[0].status).toBe('in_review');

    await inBrowser(browser, app.baseUrl, 'mapping-reviewer', async (page) => {
      await signIn(page, reviewer.email);
      // The review waits for the second steward on the dashboard.
      await page.locator(`[data-testid="waiting-item"][data-kind="mapping_review"]`).first().waitFor();
      await screenshot(page, 'mapping-06-reviewer-dashboard');
      // The mappings list opens on the versions waiting for review.
      await openMenu(page, 'Mappings');
      await page.locator('[data-testid="mapping-version-row"]', { hasText: partnerName }).click();
      await page.waitForURL(new RegExp(`mapping-versions/${versionId}/show`));
      await page.getByTestId('coverage-meters').waitFor({ timeout: 30_000 });
      expect(await meterShare(page, 'coverage-records')).toBeGreaterThan(0.8);

      await page.getByRole('tab', { name: 'Changes' }).click();
      const diff = page.getByTestId('mapping-diff');
      await diff.getByText(/There is no earlier approved version: all \d+ rules are new\./).waitFor();
      expect(await diff.locator('[data-testid="diff-row"][data-change="added"]').count()).toBeGreaterThan(10);
      await screenshot(page, 'mapping-07-diff');
      await page.getByRole('tab', { name: /Comments/ }).click();
      await page.getByText('Checked the F/M codes against the hotline codebook.').waitFor();
      expect(await page.getByTestId('mapping-comment').first().innerText()).toContain(author.name);

      // A first round: changes requested, with the reason shown on the version; the author revises and resubmits.
      await page.getByRole('button', { name: 'Request changes', exact: true }).click();
      await page.getByRole('dialog').locator('textarea[name="reason"]').fill('Say why majorityEntry is not collected.');
      await page.getByRole('dialog').getByRole('button', { name: 'Request changes' }).click();
      await page.getByTestId('mapping-status').filter({ hasText: 'Changes requested' }).waitFor();
      await page.getByTestId('changes-requested').getByText(/Say why majorityEntry is not collected\./).waitFor();
      const authorApi = new ApiClient(app.baseUrl);
      await authorApi.login(author.email);
      expect((await authorApi.post(`/api/mapping-versions/${versionId}/actions/revise`, {})).body.status).toBe('draft');
      expect((await authorApi.post(`/api/mapping-versions/${versionId}/actions/submit`, {})).body.status).toBe('in_review');
      await page.reload();
      await page.getByTestId('mapping-status').filter({ hasText: 'In review' }).waitFor();
      expect(await page.getByTestId('changes-requested').count()).toBe(0);

      await page.getByRole('button', { name: 'Approve', exact: true }).click();
      await page.getByTestId('mapping-status').filter({ hasText: 'Approved' }).waitFor();
      await screenshot(page, 'mapping-08-approved');

      // Harmonize the file with the approved mapping and follow it live.
      await page.goto(`/#/submissions/${submissionId}/show`);
      await page.getByRole('button', { name: 'Harmonize', exact: true }).click();
      await page.getByTestId('submission-status').filter({ hasText: 'Harmonized' }).waitFor({ timeout: 60_000 });
      await page.locator('[data-testid="job-progress"][data-status="completed"]').waitFor();
      expect(await page.getByText(String(ROWS), { exact: true }).count()).toBeGreaterThan(0);
      await screenshot(page, 'mapping-09-harmonized');

      await page.getByRole('tab', { name: 'Findings' }).click();
      await page.getByTestId('harmonization-findings').getByText(`${ROWS} rows harmonized.`).waitFor();
      await screenshot(page, 'mapping-10-findings');
      await page.getByRole('tab', { name: 'Records' }).click();
      await page.getByText(`Records 1–25 of ${ROWS}`).waitFor();
      // The preview's rows are the submission's records in order, each column in its place.
      const records = await app.ctx.db.select().from(standardRecords).where(eq(standardRecords.submissionId, submissionId)).orderBy(asc(standardRecords.id));
      const shown = CTDC_K_V7.variables.filter((v) => v.kind !== 'binary').map((v) => v.name as keyof typeof records[number]);
      const cellsOf = (n: number) => [String(n + 1), ...shown.map((v) => (records[n][v] == null ? '' : String(records[n][v])))];
      const preview = page.getByTestId('records-preview');
      const rowCells = (i: number) => preview.locator('tbody tr').nth(i).locator('td').allInnerTexts();
      expect(await preview.locator('tbody tr').count()).toBe(25);
      expect(await rowCells(0)).toEqual(cellsOf(0));
      expect(await rowCells(24)).toEqual(cellsOf(24));
      await screenshot(page, 'mapping-11-records');
      await preview.getByRole('button', { name: 'Next' }).click();
      await page.getByText(`Records 26–50 of ${ROWS}`).waitFor();
      expect(await rowCells(0)).toEqual(cellsOf(25));
      await openMenu(page, 'Submissions');
      const listed = page.locator('tbody tr', { hasText: 'hotline-calls.csv' }).filter({ hasText: partnerName });
      expect(await listed.innerText()).toMatch(new RegExp(`Harmonized[\\s\\S]*${ROWS}`));

      // The editor in French.
      await chooseLanguage(page, 'English', 'Français');
      await page.getByRole('menuitem', { name: 'Envois' }).waitFor();
      await page.goto(`/#/mapping-versions/${versionId}/show`);
      await page.getByRole('tab', { name: 'Règles' }).waitFor();
      await page.getByTestId('mapping-status').filter({ hasText: 'Approuvée' }).waitFor();
      await page.getByText('Variables dotées d’une règle').waitFor();
      await screenshot(page, 'mapping-14-editor-fr');
    });

    const [done] = await app.ctx.db.select().from(submissions).where(eq(submissions.id, submissionId));
    expect(done).toMatchObject({ status: 'harmonized', recordCount: ROWS, mappingVersionId: versionId });
  });

  it('a partner user reading in French is told in French why a file could not be read, with the precise reason after', async () => {
    const own = await insertPartner(app.ctx, 'active');
    const user = await createTestUser(app.ctx, ['partner_user'], own.id);
    const client = new ApiClient(app.baseUrl);
    await client.login(user.email);
    const sent = await upload(client, own.id, Buffer.from('case_id;age;nationalite\r\n'), 'export-foyer.csv');
    expect(sent.status).toBe(201);
    const failed = await waitForSubmission(app, sent.body.id, ['failed', 'profiled']);
    expect(failed.status).toBe('failed');
    await inBrowser(browser, app.baseUrl, 'partner-failure-fr', async (page) => {
      await signIn(page, user.email);
      await chooseLanguage(page, 'English', 'Français');
      await page.goto(`/#/submissions/${sent.body.id}/show`);
      const failure = page.getByTestId('submission-failure');
      await failure.getByText('Le traitement a échoué').waitFor();
      expect(await failure.getByTestId('failure-summary').innerText()).toBe('Le fichier a un en-tête mais aucune ligne de données.');
      await failure.getByText(`Détails (en anglais) : ${failed.failureReason}`).waitFor();
      await failure.getByTestId('failure-where').getByText('ligne 1').waitFor();
      // Said once: the failed job's own error box would only repeat it.
      await page.locator('[data-testid="job-progress"][data-status="failed"]').waitFor();
      expect(await page.getByTestId('job-error').count()).toBe(0);
      await screenshot(page, 'mapping-16-partner-failure-fr');

      // A refusal answered at once (an empty file): its code in French, the server's words after.
      await page.goto('/#/');
      await page.getByTestId('widget-own-partner').getByRole('link', { name: 'Téléverser un fichier' }).click();
      await page.getByTestId('file-input').setInputFiles({ name: 'vide.csv', mimeType: 'text/csv', buffer: Buffer.alloc(0) });
      await page.getByTestId('upload-error').getByText('Refusé : un élément de la demande n’est pas valide. ("vide.csv" is empty: there is nothing to import)').waitFor();
      await screenshot(page, 'mapping-17-partner-refusal-fr');
    });
  });

  it('a partner user uploads a file for its own organisation only and follows it until profiled', async () => {
    const own = await insertPartner(app.ctx, 'active', { name: `Own Hotline ${Date.now()}` });
    const user = await createTestUser(app.ctx, ['partner_user'], own.id);
    const file = path.join(os.tmpdir(), `calls-${Date.now()}.csv`);
    fs.writeFileSync(file, await generatedBytes('hotline', 60, 5));
    await inBrowser(browser, app.baseUrl, 'partner-upload', async (page) => {
      await signIn(page, user.email);
      await page.getByTestId('widget-own-partner').getByText(own.name).waitFor();
      await page.getByTestId('widget-own-partner').getByRole('link', { name: 'Upload a file' }).click();
      // The partner is the user's own, and cannot be changed.
      const partner = page.getByRole('combobox', { name: 'Partner' });
      await waitFor(async () => (await partner.inputValue()) === own.name, 10_000, 'the own partner to be chosen');
      expect(await partner.isDisabled()).toBe(true);
      await screenshot(page, 'mapping-12-partner-upload');
      await page.getByTestId('file-input').setInputFiles(file);
      await page.getByTestId('submission-status').filter({ hasText: 'Profiled' }).waitFor({ timeout: 60_000 });
      // The job's progress is shown to the partner too, without a link to the staff job pages.
      const job = page.locator('[data-testid="job-progress"][data-status="completed"]');
      await job.getByText('Profile a partner file').waitFor();
      expect(await job.getByRole('link').count()).toBe(0);
      await page.getByRole('tab', { name: 'Profile' }).click();
      await page.locator('[data-testid="profile-row"][data-column="victim_name"]').getByText('identifier — values hidden').waitFor();
      // No steward actions, no records, no history for a partner user.
      expect(await page.getByRole('button', { name: 'Harmonize' }).count()).toBe(0);
      expect(await page.getByRole('tab', { name: 'Records' }).count()).toBe(0);
      await screenshot(page, 'mapping-13-partner-profiled');
      await chooseLanguage(page, 'English', 'Español');
      await page.locator('[data-testid="profile-row"][data-column="victim_name"]').getByText('identificador — valores ocultos').waitFor();
      await page.getByTestId('submission-status').filter({ hasText: 'Perfilado' }).waitFor();
      await screenshot(page, 'mapping-15-partner-profiled-es');
    });
    fs.rmSync(file, { force: true });
    // The API agrees: another partner's id is refused before a byte is read.
    const client = new ApiClient(app.baseUrl);
    await client.login(user.email);
    expect((await upload(client, partnerId, Buffer.from('a,b\n1,2\n'), 'x.csv')).status).toBe(404);
  });
});
