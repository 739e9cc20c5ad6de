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
    for (const name of ['Folder openverse, the deck of WordPress/openverse', 'Folder shop, the deck of acme/shop']) {
      await page.getByRole('treeitem', { name }).waitFor({ state: 'visible', timeout: 30_000 });
    }
    // The shop's apps under its section, loaded (an app row is spoken with its production state).
    await page.getByRole('treeitem', { name: /^Web app,/ }).waitFor({ state: 'visible', timeout: 30_000 });
    await page.getByRole('treeitem', { name: /^Frontend app,/ }).waitFor({ state: 'visible', timeout: 30_000 });
    await widenSideBar(page);
    await screenshot(page, '22-multi-root-sections');
  });
});
