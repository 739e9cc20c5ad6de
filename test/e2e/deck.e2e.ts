import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../../scripts/editor/codeServer';
import { openLoadedDeck, openReleaseDeck, openWorkbench, runCommand, screenshot, widenSideBar, type Workbench } from './workbench';

const DEMO_TOKEN = 'rd_demo_token_not_a_secret';

describe('Release Deck in the browser, as a maintainer uses it', () => {
  let workbench: Workbench;

  before(async () => {
    workbench = await openWorkbench({ colorScheme: 'dark' });
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed') {
      await screenshot(workbench.page, `failed-${(this.currentTest.title).replace(/\W+/g, '-').slice(0, 60)}`);
    }
  });

  after(async () => {
    await workbench.close();
  });

  it('shows the Release Deck icon in the activity bar and the welcome content while signed out', async () => {
    const { page } = workbench;
    await openReleaseDeck(page);
    const welcome = page.getByText('Sign in to GitHub to see which version runs in each environment');
    await welcome.waitFor({ state: 'visible', timeout: 30_000 });
    assert.ok(await page.getByRole('button', { name: 'Sign In with GitHub' }).isVisible());
    await screenshot(page, '01-welcome-signed-out');
  });

  it('signs in with a token through the command palette and its input box, then shows the deck', async () => {
    const { page } = workbench;
    await runCommand(page, 'Release Deck: Sign In with Token…');
    const input = page.locator('.quick-input-widget input[type="password"]');
    await input.waitFor({ state: 'visible' });
    await input.fill(DEMO_TOKEN);
    await input.press('Enter');
    await page.getByRole('treeitem', { name: /^API app,/ }).waitFor({ state: 'visible', timeout: 30_000 });
    await page.getByRole('treeitem', { name: /rel-2026\.11\.12\.14\.05\.33/ }).first().waitFor({ state: 'visible' });
    const text = await page.locator('.pane-body').filter({ has: page.getByRole('treeitem', { name: /^API app,/ }) }).innerText();
    assert.match(text, /Production/);
    assert.match(text, /last deployment failed · rel-2026\.10\.10\.11\.00\.00/);
    assert.doesNotMatch(await page.content(), new RegExp(DEMO_TOKEN), 'the token is nowhere in the page');
    await widenSideBar(page);
    await screenshot(page, '02-deck-dark', 'deck');
  });

  it('shows the production tag of the open file\'s app in the status bar', async () => {
    const { page } = workbench;
    await page.keyboard.press('Control+P');
    const input = page.locator('.quick-input-widget input[type="text"]');
    await input.waitFor({ state: 'visible' });
    await input.fill('media_views.py');
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'media_views.py' }).first().waitFor({ state: 'visible' });
    await input.press('Enter');
    // On the right: it depends on the active file, like the editor's other file-contextual items.
    const item = page.locator('.right-items .statusbar-item', { hasText: 'API: rel-2026.11.12.14.05.33' });
    await item.waitFor({ state: 'visible', timeout: 20_000 });
    const spoken = (await item.locator('[aria-label]').first().getAttribute('aria-label')) ?? (await item.getAttribute('aria-label')) ?? '';
    assert.match(spoken, /API production runs rel-2026\.11\.12\.14\.05\.33, in sync/);
    await screenshot(page, '03-status-bar');
  });

});

describe('Release Deck in the light theme', () => {
  let workbench: Workbench;

  before(async () => {
    workbench = await openWorkbench({ colorScheme: 'light', env: { RELEASE_DECK_GITHUB_TOKEN: DEMO_TOKEN } });
  });

  after(async () => {
    await workbench.close();
  });

  it('shows the expanded deck readably', async () => {
    const { page } = workbench;
    await openLoadedDeck(page);
    assert.equal(await page.locator('.monaco-workbench.vs').count(), 1, 'the light theme is in force');
    // Starting up costs one refresh: a moment later, GitHub has still been asked for the releases once.
    await page.waitForTimeout(1500);
    const releaseListings = workbench.simulator.stats.log.filter((entry) => entry.method === 'GET' && entry.path.startsWith('/repos/WordPress/openverse/releases?'));
    assert.equal(releaseListings.length, 1, `the releases were listed ${releaseListings.length} times at start-up: ${workbench.simulator.stats.log.map((entry) => `${entry.method} ${entry.path} ${entry.status}`).join('\n')}`);
    await widenSideBar(page);
    await screenshot(page, '04-deck-light');
  });
});

describe('Release Deck installed from its .vsix', () => {
  let workbench: Workbench | undefined;

  before(async () => {
    const build = spawnSync('npm', ['run', 'package'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(build.status, 0, `npm run package failed: ${build.stderr}`);
    workbench = await openWorkbench({ colorScheme: 'dark', vsix: join(ROOT, 'release-deck.vsix'), env: { RELEASE_DECK_GITHUB_TOKEN: DEMO_TOKEN } });
  });

  after(async () => {
    await workbench?.close();
  });

  it('installs into the editor and loads the deck from the bundle alone', async () => {
    assert.ok(workbench);
    const { page } = workbench;
    await openLoadedDeck(page);
    assert.equal(await page.getByText('[Extension Development Host]').count(), 0, 'not the development folder');
    await screenshot(page, '05-installed-from-vsix');
  });
});
