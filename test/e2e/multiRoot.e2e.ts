import { openReleaseDeck, openWorkbench, screenshot, widenSideBar, type Workbench } from './workbench';

const DEMO_TOKEN = 'rd_demo_token_not_a_secret';

describe('multi-root in the browser: a section per folder', () => {
  let workbench: Workbench;

  before(async () => {
    workbench = await openWorkbench({ colorScheme: 'dark', env: { RELEASE_DECK_GITHUB_TOKEN: DEMO_TOKEN }, multiRoot: true });
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed') {
      await screenshot(workbench.page, 'failed-multi-root');
    }
  });

  after(async () => {
    await workbench.close();
  });

  it('multi-root: shows the Openverse folder and the acme/shop folder as two sections, each with its apps', async () => {
    const { page } = workbench;
    await openReleaseDeck(page);
    const openverse = page.getByRole('treeitem', { name: 'Folder openverse, the deck of WordPress/openverse' });
    await openverse.waitFor({ state: 'visible', timeout: 30_000 });
    // Openverse's apps loaded (an app row is spoken with its production state), then its section folded, as a
    // person does to see the next folder's (the list renders only the rows in view): the shop's apps in its own section.
    await page.getByRole('treeitem', { name: /^Frontend app,/ }).waitFor({ state: 'visible', timeout: 90_000 });
    await openverse.locator('.monaco-tl-twistie').click();
    await page.getByRole('treeitem', { name: 'Folder shop, the deck of acme/shop' }).waitFor({ state: 'visible', timeout: 30_000 });
    await page.getByRole('treeitem', { name: /^Web app,/ }).waitFor({ state: 'visible', timeout: 90_000 });
    await widenSideBar(page);
    await screenshot(page, '22-multi-root-sections');
  });
});
