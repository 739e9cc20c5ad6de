import { strict as assert } from 'node:assert';
import { openLoadedDeck, openWorkbench, screenshot, widenSideBar, type Workbench } from './workbench';

const DEMO_TOKEN = 'rd_demo_token_not_a_secret';

/** The editor in German (code-server --locale de, scripts/editor/languagePack.ts): what a German developer sees. */
describe('Release Deck in German in the browser', () => {
  let workbench: Workbench;

  before(async () => {
    workbench = await openWorkbench({ colorScheme: 'dark', locale: 'de', env: { RELEASE_DECK_GITHUB_TOKEN: DEMO_TOKEN } });
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed') {
      await screenshot(workbench.page, `failed-${(this.currentTest.title).replace(/\W+/g, '-').slice(0, 60)}`);
    }
  });

  after(async () => {
    await workbench.close();
  });

  it('offers German command titles in the command palette and German times in the deck', async () => {
    const { page } = workbench;
    // Rows are spoken in German too (the deck's words follow the editor's language).
    await openLoadedDeck(page, 'API', /^App API, /);
    await widenSideBar(page);
    await page.locator('.pane-header', { hasText: 'Braucht Sie' }).waitFor({ state: 'visible', timeout: 20_000 });
    const history = page.getByRole('treeitem', { name: /^API Production: Verlauf/ }).first();
    if ((await history.getAttribute('aria-expanded')) === 'false') {
      await history.click();
    }
    await page.locator('.sidebar .monaco-list-row', { hasText: /vor \d+ \S+ von / }).first().waitFor({ state: 'visible', timeout: 20_000 });
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input[type="text"]');
    await input.waitFor({ state: 'visible' });
    await input.fill('>Release Deck: ');
    for (const title of ['Release Deck: Zurückrollen…', 'Release Deck: Bereitstellen…', 'Release Deck: GitHub-Release veröffentlichen…']) {
      await input.fill(`>${title}`);
      const row = page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first();
      await row.waitFor({ state: 'visible', timeout: 10_000 });
      assert.ok(await row.isVisible(), title);
    }
    await input.fill('>Release Deck: ');
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Release Deck: Bereitstellen…' }).first().waitFor({ state: 'visible' });
    await screenshot(page, 'german-palette-and-deck');
    await page.keyboard.press('Escape');
  });
});
