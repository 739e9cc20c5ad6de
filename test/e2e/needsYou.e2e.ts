import { strict as assert } from 'node:assert';
import { openLoadedDeck, openWorkbench, screenshot, widenSideBar, type Workbench } from './workbench';

const DEMO_TOKEN = 'rd_demo_token_not_a_secret';

describe('needs you in the browser: the badge and its entries', () => {
  let workbench: Workbench;

  before(async () => {
    // Drafts left out (their age follows the real clock): the world's failed frontend deployment and its changelog PR remain.
    workbench = await openWorkbench({ colorScheme: 'dark', env: { RELEASE_DECK_GITHUB_TOKEN: DEMO_TOKEN }, userSettings: { 'releaseDeck.needsYou.draftAgeDays': 0 } });
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed') {
      await screenshot(workbench.page, `failed-${(this.currentTest.title).replace(/\W+/g, '-').slice(0, 60)}`);
    }
  });

  after(async () => {
    await workbench.close();
  });

  it('needs you: counts what waits on a person on the Release Deck icon and lists each with its action', async () => {
    const { page } = workbench;
    await openLoadedDeck(page);
    const badge = page.getByRole('tab', { name: /^Release Deck/ }).locator('.badge-content');
    await badge.waitFor({ state: 'visible', timeout: 30_000 });
    assert.equal((await badge.innerText()).trim(), '2');

    const header = page.locator('.pane-header', { hasText: 'Needs You' });
    await header.waitFor({ state: 'visible' });
    if ((await header.getAttribute('aria-expanded')) !== 'true') {
      await header.click();
    }
    const failure = page.getByRole('treeitem', { name: /Failed deployment of rel-2026\.11\.05\.16\.20\.00/ });
    await failure.waitFor({ state: 'visible', timeout: 20_000 });
    const pull = page.getByRole('treeitem', { name: /Review changelog PR #4990/ });
    await pull.waitFor({ state: 'visible' });
    // Its action is on the row, as a button, when the pointer is over it.
    await pull.hover();
    await pull.getByRole('button', { name: 'Open on GitHub' }).waitFor({ state: 'visible' });
    await widenSideBar(page);
    await screenshot(page, '05-needs-you-badge');
  });
});
