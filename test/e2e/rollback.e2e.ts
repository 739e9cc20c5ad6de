import { strict as assert } from 'node:assert';
import { assertNowhereOnScreen, openLoadedDeck, openWorkbench, runCommand, screenshot, widenSideBar, type Workbench } from './workbench';

const DEMO_TOKEN = 'rd_demo_token_not_a_secret';

describe('rolling production back from the command palette', () => {
  let workbench: Workbench;

  before(async () => {
    workbench = await openWorkbench({ colorScheme: 'dark', env: { RELEASE_DECK_GITHUB_TOKEN: DEMO_TOKEN } });
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed') {
      await screenshot(workbench.page, 'failed-rollback');
    }
  });

  after(async () => {
    await workbench.close();
  });

  it('picks the app, offers the last known working tag first, confirms in a modal and reports the result', async () => {
    const { page } = workbench;
    await openLoadedDeck(page);
    await widenSideBar(page);
    await runCommand(page, 'Release Deck: Roll Back…');
    const input = page.locator('.quick-input-widget input[type="text"]');
    await input.fill('API');
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'API' }).first().waitFor({ state: 'visible' });
    await input.press('Enter');
    // The picker's next step replaces the app rows (VS Code 1.139 keeps the old rows a moment longer).
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Deployed successfully' }).first().waitFor({ state: 'visible' });
    const first = page.locator('.quick-input-widget .monaco-list-row').first();
    assert.match(await first.innerText(), /rel-2026\.10\.15\.09\.30\.00[\s\S]*last known working/);
    await screenshot(page, '09-rollback-pick');
    await input.press('Enter');
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor({ state: 'visible', timeout: 15_000 });
    const text = await dialog.innerText();
    assert.match(text, /Roll back PRODUCTION: API production to rel-2026\.10\.15\.09\.30\.00\?/);
    assert.match(text, /Runs now: rel-2026\.11\.12\.14\.05\.33/);
    // Sent as the input the workflow file declares for the run name (the profile names no reasonInput).
    assert.match(text, /Reason \(input run_name\): Roll back to rel-2026\.10\.15\.09\.30\.00 from Release Deck/);
    assert.match(text, /taken away/);
    await screenshot(page, '10-rollback-confirmation');
    await dialog.getByRole('button', { name: 'Roll Back' }).click();
    const done = page.locator('.notifications-toasts .notification-toast', { hasText: 'API production rolled back' });
    await done.waitFor({ state: 'visible', timeout: 120_000 });
    assert.match(await done.innerText(), /it now runs the build of rel-2026\.10\.15\.09\.30\.00 \(commit [0-9a-f]{7}\)/);
    await page.getByRole('treeitem', { name: /Production.*rel-2026\.10\.15\.09\.30\.00/ }).first().waitFor({ state: 'visible', timeout: 30_000 });
    await screenshot(page, '11-rollback-completed');
    await assertNowhereOnScreen(page, DEMO_TOKEN);
  });

  it('shows the catalog\'s manual procedure with the tag filled in', async () => {
    const { page } = workbench;
    await runCommand(page, 'Release Deck: Show Manual Procedure…');
    const input = page.locator('.quick-input-widget input[type="text"]');
    await input.fill('Catalog');
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Catalog' }).first().waitFor({ state: 'visible' });
    await input.press('Enter');
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'rel-2026.09.09.23.00.57' }).first().waitFor({ state: 'visible' });
    await input.press('Enter');
    const step = page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Set the catalog image tag to rel-2026.09.09.23.00.57' });
    await step.waitFor({ state: 'visible' });
    assert.match(await page.locator('.quick-input-widget').innerText(), /just ansible\/playbook production airflow\.yml -t airflow/);
    await screenshot(page, '12-manual-procedure');
    await page.keyboard.press('Escape');
  });
});
