import { strict as assert } from 'node:assert';
import { assertNowhereOnScreen, openLoadedDeck, openWorkbench, screenshot, widenSideBar, type Workbench } from './workbench';

const DEMO_TOKEN = 'rd_demo_token_not_a_secret';

describe('a failure\'s log tail, from the deck', () => {
  let workbench: Workbench;

  before(async () => {
    workbench = await openWorkbench({ colorScheme: 'dark', env: { RELEASE_DECK_GITHUB_TOKEN: DEMO_TOKEN } });
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed') {
      await screenshot(workbench.page, 'failed-failure-log');
    }
  });

  after(async () => {
    await workbench.close();
  });

  it('opens the failed step\'s log tail in a read-only tab from the failed environment\'s context menu', async () => {
    const { page } = workbench;
    await openLoadedDeck(page);
    await widenSideBar(page);
    // The world's frontend production: its last deployment (rel-2026.11.05.16.20.00) failed at "Deploy".
    const production = page.getByRole('treeitem', { name: /^Frontend Production, .*failed/ });
    await production.waitFor({ state: 'visible', timeout: 30_000 });
    await production.click({ button: 'right' });
    const item = page.locator('.context-view .action-label', { hasText: 'Show Failure…' });
    await item.waitFor({ state: 'visible' });
    await screenshot(page, '13-failure-context-menu');
    // The workbench's context menu runs the item it has highlighted on Enter (a click's mouse-up is not always taken).
    await item.hover();
    await page.keyboard.press('Enter');
    const tab = page.locator('.tabs-container .tab', { hasText: 'Deploy production-nuxt · Deploy' });
    await tab.waitFor({ state: 'visible', timeout: 30_000 });
    // The editor draws spaces as non-breaking ones.
    const text = (await page.locator('.editor-instance .view-lines').innerText()).replace(/\u00a0/g, ' ');
    assert.match(text, /Step: Deploy — failure/);
    assert.match(text, /Error: Resource is not in the state servicesStable/);
    await page.locator('.notifications-toasts .notification-toast', { hasText: 'is open beside' }).waitFor({ state: 'visible', timeout: 15_000 });
    await screenshot(page, '14-failure-log-tail');
    await assertNowhereOnScreen(page, DEMO_TOKEN);
    const { downloads } = (await (await fetch(`${workbench.simulator.url}/_admin/job-logs`)).json()) as { downloads: Array<{ authorization: boolean }> };
    assert.deepEqual(downloads.map((download) => download.authorization), [false]);
  });
});
