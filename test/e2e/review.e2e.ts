import { strict as assert } from 'node:assert';
import { assertNowhereOnScreen, openLoadedDeck, openWorkbench, runCommand, screenshot, widenSideBar, type Workbench } from './workbench';

const DEMO_TOKEN = 'rd_demo_token_not_a_secret';
const INFRA = 'WordPress/openverse-infrastructure';

describe('reviewing a deployment waiting on required reviewers (review)', () => {
  let workbench: Workbench;
  const admin = async (path: string, body: unknown): Promise<unknown> => (await fetch(`${workbench.simulator.url}/_admin/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).json();

  before(async () => {
    workbench = await openWorkbench({ colorScheme: 'dark', env: { RELEASE_DECK_GITHUB_TOKEN: DEMO_TOKEN } });
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed') {
      await screenshot(workbench.page, 'failed-review');
    }
  });

  after(async () => {
    await workbench.close();
  });

  it('review: a colleague\'s deployment shows as waiting for review; approved through the modal, it deploys', async () => {
    const { page } = workbench;
    await admin('protect-environment', { repo: INFRA, environment: 'production', workflowPath: '.github/workflows/deploy-production-api.yml', reviewers: [{ type: 'User', login: 'octo-maintainer' }] });
    await admin('dispatch', { repo: INFRA, workflow: 'deploy-production-api.yml', actor: 'colleague', inputs: { tag: 'rel-2026.10.15.09.30.00' } });
    await openLoadedDeck(page);
    await widenSideBar(page);
    // Queued 3 s, then waiting: a refresh shows it.
    await new Promise((resolve) => setTimeout(resolve, 4000));
    await runCommand(page, 'Release Deck: Refresh');
    const waiting = page.getByRole('treeitem', { name: /API Production, rel-2026\.10\.15\.09\.30\.00 waiting for review by octo-maintainer/ }).first();
    await waiting.waitFor({ state: 'visible', timeout: 30_000 });
    await screenshot(page, '20-review-waiting');
    await runCommand(page, 'Release Deck: Review Deployment…');
    const approve = page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Approve and deploy' }).first();
    await approve.waitFor({ state: 'visible' });
    await approve.click();
    const input = page.locator('.quick-input-widget input[type="text"]');
    await input.waitFor({ state: 'visible' });
    await input.fill('Checked with the team');
    await input.press('Enter');
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor({ state: 'visible', timeout: 15_000 });
    const text = await dialog.innerText();
    assert.match(text, /Approve the deployment of rel-2026\.10\.15\.09\.30\.00 to PRODUCTION: API production\?/);
    assert.match(text, /Image tag: rel-2026\.10\.15\.09\.30\.00/);
    assert.match(text, /Runs now: rel-2026\.11\.12\.14\.05\.33/);
    assert.match(text, /Started by colleague/);
    assert.match(text, /Comment: Checked with the team/);
    await screenshot(page, '21-review-confirmation');
    await dialog.getByRole('button', { name: 'Approve and Deploy' }).click();
    const done = page.locator('.notifications-toasts .notification-toast', { hasText: 'Approved' });
    await done.waitFor({ state: 'visible', timeout: 30_000 });
    assert.match(await done.innerText(), /the deployment of rel-2026\.10\.15\.09\.30\.00 to API production starts now/);
    await screenshot(page, '22-review-approved');
    await assertNowhereOnScreen(page, DEMO_TOKEN);
  });
});
