// The web UI end to end in Chromium against a real server: sign-in, both wizards to a completed
// job, an artifact downloaded and checked, the template editor's live preview, role limits, sign-out
// and French. Every page is also saved as a 1366×768 screenshot under test-results/screenshots.
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { type Browser, expect, type Page, test } from '@playwright/test';
import { ADMIN_PASSWORD, EPUB_NAME, MKV_NAME } from './start-app';

const SHOTS = join(import.meta.dirname, '..', '..', 'test-results', 'screenshots');
const url = () => process.env.RELPACK_E2E_URL!;

test.skip(() => Boolean(process.env.RELPACK_E2E_SKIP), process.env.RELPACK_E2E_SKIP ?? '');
test.describe.configure({ mode: 'serial' });

async function shot(page: Page, name: string) {
  await page.waitForLoadState('networkidle').catch(() => undefined);
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
}

async function signIn(page: Page, username = 'admin', password = ADMIN_PASSWORD) {
  await page.goto(`${url()}/login`);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('current-user')).toContainText(username);
}

/** Content Security Policy violations seen by any page of the running test (must stay empty). */
const cspViolations: string[] = [];

test.afterEach(() => {
  const seen = cspViolations.splice(0);
  expect(seen, 'the UI works under its Content Security Policy').toEqual([]);
});

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ baseURL: url() });
  const page = await context.newPage();
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) cspViolations.push(m.text());
  });
  if (process.env.E2E_DEBUG) {
    page.on('framenavigated', (f) => f === page.mainFrame() && console.log('nav', f.url()));
    page.on(
      'response',
      (r) => r.url().includes('/api/') && console.log(r.status(), r.request().method(), r.url()),
    );
  }
  return page;
}

const next = (page: Page) => page.getByRole('button', { name: 'Next' }).click();
const onStep = (page: Page, title: string) =>
  expect(page.getByRole('heading', { level: 2, name: title })).toBeVisible();

async function waitForJob(page: Page) {
  await expect(page).toHaveURL(/\/jobs\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId('job-status')).toHaveText(/completed|failed/, { timeout: 90_000 });
  await expect(page.getByTestId('job-status')).toHaveText('completed');
}

test('the UI is served with its security headers and runs under its CSP', async ({ browser }) => {
  const page = await newPage(browser);
  const response = await page.goto(`${url()}/login`);
  const headers = response!.headers();
  expect(headers['content-security-policy']).toContain("script-src 'self'");
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('no-referrer');
  // The theme is set before the first paint by a script file, not an inline one.
  await expect(page.locator('html')).toHaveAttribute('data-theme', /light|dark/);
  // An inline script injected into the page does not run.
  const ran = await page.evaluate(async () => {
    const marker = window as unknown as { injected?: boolean };
    const script = document.createElement('script');
    script.textContent = 'window.injected = true';
    document.head.append(script);
    await new Promise((resolve) => setTimeout(resolve, 0));
    return marker.injected === true;
  });
  expect(ran).toBe(false);
  // The refusal is reported (so the check after each test would see any other), then cleared.
  await expect.poll(() => cspViolations.length).toBeGreaterThan(0);
  cspViolations.splice(0);
  // Nor can the UI be framed by another site.
  const framed = await newPage(browser);
  await framed.setContent(`<iframe src="${url()}/login"></iframe>`);
  const frame = framed.frames()[1];
  await expect
    .poll(async () => (await frame?.evaluate(() => document.title).catch(() => null)) ?? null)
    .not.toBe('relpack');
  cspViolations.splice(0);
});

test('sign-in shows errors inline and lands on the dashboard', async ({ browser }) => {
  const page = await newPage(browser);
  await page.goto(`${url()}/login`);
  await shot(page, '01-login');
  await page.getByLabel('Username').fill('admin');
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toHaveText('Wrong username or password.');
  await expect(page).toHaveURL(/\/login$/);
  await page.getByLabel('Password').fill(ADMIN_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();
  await expect(page.getByTestId('disk-free')).toContainText(/[KMGT]iB/);
  await shot(page, '02-dashboard');
});

test('the eBook wizard packs a test EPUB, and its artifact downloads intact', async ({ browser }) => {
  const page = await newPage(browser);
  await signIn(page);
  await page.getByRole('link', { name: 'New eBook release' }).click();
  await onStep(page, 'Type');
  await expect(page.getByRole('radio', { name: /eBook/ })).toBeChecked();
  await shot(page, '03-wizard-type');
  await next(page);

  await onStep(page, 'Source');
  // The browser starts at the allowed roots.
  await page.getByRole('option', { name: /sources/ }).click();
  await page.getByRole('option', { name: /books/ }).click();
  await page.getByRole('option', { name: new RegExp(EPUB_NAME.replace(/\./g, '\\.')) }).click();
  await expect(page.getByTestId('source-selected')).toContainText(EPUB_NAME);
  await shot(page, '04-wizard-source');
  await next(page);

  await onStep(page, 'Metadata');
  // Read from the EPUB's OPF.
  await expect(page.getByLabel('Author')).toHaveValue('Ursula K. Le Guin');
  await expect(page.getByRole('textbox', { name: 'Title', exact: true })).toHaveValue('The Dispossessed');
  await expect(page.getByLabel('Year')).toHaveValue('1974');
  await page.getByRole('textbox', { name: 'Source', exact: true }).fill('RETAiL');
  await shot(page, '05-wizard-metadata');
  await next(page);

  await onStep(page, 'Name');
  await page.getByLabel('Group').fill('GRP');
  await expect(page.getByTestId('release-name')).toHaveText(
    'Ursula.K.Le.Guin.The.Dispossessed.1974.RETAiL.ePUB.eBOOK-GRP',
  );
  // Live validation of a hand-written name: the rule id is shown with the finding.
  await page.getByLabel('Release name (optional)').fill('bad name with spaces-GRP');
  await expect(page.locator('.findings .rule').first()).toHaveText(/^name\./);
  await shot(page, '06-wizard-naming-findings');
  await page.getByLabel('Release name (optional)').fill('');
  await expect(page.getByTestId('release-name')).toHaveText(/-GRP$/);
  // The state survives a reload, and the back button returns to the previous step.
  await page.reload();
  await onStep(page, 'Name');
  await expect(page.getByLabel('Group')).toHaveValue('GRP');
  await page.goBack();
  await onStep(page, 'Metadata');
  await expect(page.getByRole('textbox', { name: 'Source', exact: true })).toHaveValue('RETAiL');
  await page.goForward();
  await onStep(page, 'Name');
  await shot(page, '06-wizard-naming');
  await next(page);

  await onStep(page, 'NFO');
  await expect(page.getByTestId('nfo-preview')).toBeVisible();
  await shot(page, '07-wizard-nfo');
  await next(page);

  await onStep(page, 'Packing');
  await expect(page.getByLabel('Volume size')).toBeVisible();
  await shot(page, '08-wizard-packing');
  await next(page);

  await onStep(page, 'Delivery');
  await shot(page, '09-wizard-delivery');
  await next(page);

  await onStep(page, 'Review');
  await expect(page.getByTestId('review-name')).toHaveText(
    'Ursula.K.Le.Guin.The.Dispossessed.1974.RETAiL.ePUB.eBOOK-GRP',
  );
  await expect(page.getByTestId('nfo-preview')).toContainText('The Dispossessed');
  await shot(page, '10-wizard-review');
  await page.getByRole('button', { name: 'Pack' }).click();

  await waitForJob(page);
  await expect(page.getByTestId('job-log')).toContainText('completed');
  const row = page.getByRole('row', { name: /\.zip/ }).first();
  const name = (await row.locator('td').first().textContent())!.split('/').pop()!;
  const crc = (await row.locator('td').nth(3).textContent())!.trim().toLowerCase();
  await shot(page, '11-job-completed');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: `Download ${name}` }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(name);
  const saved = join(SHOTS, '..', name);
  await download.saveAs(saved);
  const bytes = await readFile(saved);
  expect(crc32(bytes).toString(16).padStart(8, '0')).toBe(crc);
  // A reader we did not write agrees the disk is whole.
  expect(execFileSync('unzip', ['-t', saved]).toString()).toContain('No errors detected');
});

test('the TV wizard packs a test MKV to a completed job', async ({ browser }) => {
  const page = await newPage(browser);
  await signIn(page);
  await page.goto(`${url()}/`);
  await page.getByRole('link', { name: 'New TV release' }).click();
  await onStep(page, 'Type');
  await expect(page.getByRole('radio', { name: /TV/ })).toBeChecked();
  await next(page);
  await onStep(page, 'Source');
  await page.getByRole('option', { name: /sources/ }).click();
  await page.getByRole('option', { name: /tv/ }).click();
  await page.getByRole('option', { name: new RegExp(MKV_NAME.replace(/\./g, '\\.')) }).click();
  await next(page);
  await onStep(page, 'Metadata');
  await expect(page.getByLabel('Show')).toHaveValue('Night Harbour');
  await expect(page.getByLabel('Season')).toHaveValue('2');
  await expect(page.getByLabel('Episode')).toHaveValue('5');
  await expect(page.getByLabel('Resolution')).toHaveValue('720p');
  await next(page);
  await onStep(page, 'Name');
  await page.getByLabel('Group').fill('GRP');
  await expect(page.getByTestId('release-name')).toHaveText('Night.Harbour.S02E05.720p.HDTV.x264-GRP');
  await next(page);
  await onStep(page, 'NFO');
  await next(page);
  await onStep(page, 'Packing');
  await expect(page.getByLabel('Cut a sample')).toBeChecked();
  await next(page);
  await onStep(page, 'Delivery');
  await next(page);
  await onStep(page, 'Review');
  await expect(page.getByTestId('review-name')).toHaveText('Night.Harbour.S02E05.720p.HDTV.x264-GRP');
  await page.getByRole('button', { name: 'Pack' }).click();
  await waitForJob(page);
  const packJobUrl = page.url();
  await expect(page.getByRole('cell', { name: /\.sfv$/ }).first()).toBeVisible();
  await expect(page.getByRole('cell', { name: /\.rar$/ }).first()).toBeVisible();
  await shot(page, '12-job-tv');
  // Its .srr: an SRR header block, then one RAR-file block per volume the table lists.
  const [srrDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download .srr' }).click(),
  ]);
  expect(srrDownload.suggestedFilename()).toBe('Night.Harbour.S02E05.720p.HDTV.x264-GRP.srr');
  const srrPath = join(SHOTS, '..', srrDownload.suggestedFilename());
  await srrDownload.saveAs(srrPath);
  const srr = await readFile(srrPath);
  expect([...srr.subarray(0, 3)]).toEqual([0x69, 0x69, 0x69]);
  const volumes = await page.locator('td.mono', { hasText: /\.(rar|r\d\d)$/ }).allTextContents();
  expect(volumes.length).toBeGreaterThan(0);
  for (const volume of volumes) {
    const name = volume.trim().split('/').pop()!;
    expect(srr.includes(Buffer.from(name)), name).toBe(true);
  }
  await page.goto(`${url()}/jobs`);
  await expect(page.getByRole('link', { name: 'Night.Harbour.S02E05.720p.HDTV.x264-GRP' })).toBeVisible();
  await page.getByLabel('Search jobs').fill('Dispossessed');
  await expect(page.getByRole('link', { name: /Night\.Harbour/ })).toHaveCount(0);
  await expect(page.getByRole('link', { name: /Dispossessed/ })).toBeVisible();
  await page.getByLabel('Search jobs').fill('');
  await shot(page, '13-jobs');

  // issue #21: a DIRFIX of that release, previewed, then made as a job linked to the original.
  await page.goto(packJobUrl);
  await page.getByRole('button', { name: 'Fix or repack…' }).click();
  await page.getByLabel('What to make').selectOption('dir');
  await page.getByLabel('The dirname it should have had').fill('Night.Harbour.S02E06.720p.HDTV.x264-GRP');
  await expect(page.getByRole('button', { name: 'Create the job' })).toBeDisabled();
  await page.getByRole('button', { name: 'Preview' }).click();
  await expect(page.getByTestId('fix-preview-name')).toHaveText(
    'Night.Harbour.S02E06.DIRFIX.720p.HDTV.x264-GRP',
  );
  await expect(page.getByTestId('fix-preview')).toContainText('Night.Harbour.S02E05.720p.HDTV.x264-GRP');
  await shot(page, '14-fix-preview');
  await page.getByRole('button', { name: 'Create the job' }).click();
  await expect(page.getByTestId('job-title')).toHaveText('Night.Harbour.S02E06.DIRFIX.720p.HDTV.x264-GRP');
  await waitForJob(page);
  const history = page.getByTestId('release-history');
  await expect(history.getByRole('row')).toHaveCount(3); // header, original, DIRFIX
  await expect(history.getByRole('link', { name: 'Night.Harbour.S02E05.720p.HDTV.x264-GRP' })).toBeVisible();
  await expect(history).toContainText('DIRFIX');
  // A second DIRFIX under the same name is a dupe: the preview says so, and creating it is refused.
  await page.goto(packJobUrl);
  await page.getByRole('button', { name: 'Fix or repack…' }).click();
  await page.getByLabel('What to make').selectOption('dir');
  await page.getByLabel('The dirname it should have had').fill('Night.Harbour.S02E06.720p.HDTV.x264-GRP');
  await page.getByRole('button', { name: 'Preview' }).click();
  await expect(page.getByTestId('fix-preview')).toContainText('is a dupe');
  await page.getByRole('button', { name: 'Create the job' }).click();
  await expect(page.getByRole('alert')).toContainText('is a dupe');
});

test('editing a template changes its live preview, and it can be saved', async ({ browser }) => {
  const page = await newPage(browser);
  const name = `E2E template ${test.info().repeatEachIndex}-${test.info().retry}`;
  await signIn(page);
  await page.goto(`${url()}/templates`);
  await expect(page.getByRole('heading', { name: 'Templates' })).toBeVisible();
  await shot(page, '14-templates');
  await page.getByRole('link', { name: 'New template' }).click();
  await page.getByLabel('Name', { exact: true }).fill(name);
  // Typed at once, as a fast typist would: whether CodeMirror has loaded yet or not.
  const editor = page.getByRole('textbox', { name: 'Template' });
  await editor.click();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('MARKER-ONE {{ release.name }}');
  const preview = page.getByTestId('nfo-preview');
  await expect(preview).toContainText('MARKER-ONE');
  await expect(page.getByTestId('code-editor')).toBeVisible();
  await page.getByTestId('code-editor').getByRole('textbox', { name: 'Template' }).click();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('MARKER-TWO {{ release.name }}');
  await expect(preview).toContainText('MARKER-TWO');
  await expect(preview).not.toContainText('MARKER-ONE');
  await shot(page, '15-template-editor');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page).toHaveURL(/\/templates\/[^/]+$/);
  await expect(page.getByRole('status')).toHaveText('Saved.');
  await page.goto(`${url()}/templates`);
  await expect(page.getByRole('link', { name })).toBeVisible();
});

test('keys typed before the code editor has loaded are kept, and typing goes on in it', async ({
  browser,
}) => {
  const page = await newPage(browser);
  await signIn(page);
  // Hold the CodeMirror chunk until the typing is done, so the stand-in textarea is what is typed in.
  let release!: () => void;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  let requested!: () => void;
  const chunkRequested = new Promise<void>((resolve) => {
    requested = resolve;
  });
  await page.route(/code-editor-impl-[^/]*\.js$/, async (route) => {
    requested();
    await held;
    await route.continue();
  });
  await page.goto(`${url()}/templates/new`);
  await chunkRequested;
  const standIn = page.getByRole('textbox', { name: 'Template' });
  await standIn.click();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('EARLY-KEYS {{ release.name }}');
  await expect(page.getByTestId('code-editor')).toHaveCount(0);
  release();
  const codeMirror = page.getByTestId('code-editor').getByRole('textbox', { name: 'Template' });
  await expect(codeMirror).toContainText('EARLY-KEYS');
  await expect(codeMirror).toBeFocused();
  await page.keyboard.type(' LATER-KEYS');
  await expect(page.getByTestId('nfo-preview')).toContainText('LATER-KEYS');
  await expect(page.getByTestId('nfo-preview')).toContainText('EARLY-KEYS');
});

test('admin pages render, and an operator cannot open them', async ({ browser }) => {
  const page = await newPage(browser);
  await signIn(page);
  await page.goto(`${url()}/preferences`);
  await expect(page.getByTestId('source-pack.group')).toHaveText('default');
  await page.getByLabel('pack.group').fill('PREFGRP');
  await page.getByLabel('pack.group').press('Enter');
  await expect(page.getByTestId('source-pack.group')).toHaveText('yours');
  await shot(page, '16-preferences');
  await page.goto(`${url()}/admin/users`);
  await page.getByLabel('Username').fill('packer');
  await page.getByLabel('Password').fill('cobalt-fennel-arch-56');
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByRole('cell', { name: 'packer', exact: true })).toBeVisible();
  await shot(page, '17-admin-users');
  await page.goto(`${url()}/admin/destinations`);
  await page.getByRole('button', { name: 'New destination' }).click();
  await shot(page, '18-admin-destinations');
  await page.goto(`${url()}/admin/apis`);
  await expect(page.getByText('openlibrary')).toBeVisible();
  await shot(page, '19-admin-apis');
  await page.goto(`${url()}/admin/preferences`);
  await shot(page, '20-admin-global-preferences');
  await page.goto(`${url()}/admin/audit`);
  await expect(page.getByRole('cell', { name: 'user.create' }).first()).toBeVisible();
  await shot(page, '21-admin-audit');

  const operator = await newPage(browser);
  await signIn(operator, 'packer', 'cobalt-fennel-arch-56');
  await expect(operator.getByRole('link', { name: 'Admin' })).toHaveCount(0);
  await operator.goto(`${url()}/admin/users`);
  await expect(operator.getByRole('heading', { name: 'Not allowed' })).toBeVisible();
  await shot(operator, '22-operator-forbidden');
  // The operator's own preferences show the inherited values.
  await operator.goto(`${url()}/preferences`);
  await expect(operator.getByTestId('source-pack.group')).toHaveText('default');
});

test('after sign-out a protected page sends to the login page, and back after sign-in', async ({
  browser,
}) => {
  const page = await newPage(browser);
  await signIn(page);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await page.goto(`${url()}/jobs?status=completed`);
  await expect(page).toHaveURL(/\/login\?next=%2Fjobs%3Fstatus%3Dcompleted$/);
  await page.getByLabel('Username').fill('admin');
  await page.getByLabel('Password').fill(ADMIN_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/jobs\?status=completed$/);
  await expect(page.getByRole('heading', { name: 'Jobs' })).toBeVisible();
});

test('the interface switches to French and stays French after a reload', async ({ browser }) => {
  const page = await newPage(browser);
  await signIn(page);
  await page.getByLabel('Language').selectOption('fr');
  await expect(page.getByRole('heading', { name: 'Tableau de bord' })).toBeVisible();
  await expect(
    page.getByRole('navigation', { name: 'Principal' }).getByRole('link', { name: 'Tâches' }),
  ).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Tableau de bord' })).toBeVisible();
  await shot(page, '23-dashboard-fr');
  await page.goto(`${url()}/new/type`);
  await expect(page.getByRole('heading', { name: 'Nouvelle release' })).toBeVisible();
  await page.getByLabel('Thème').selectOption('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await shot(page, '24-wizard-fr-dark');
  await page.getByLabel('Langue').selectOption('auto');
  await expect(page.getByRole('heading', { name: 'New release' })).toBeVisible();
});
