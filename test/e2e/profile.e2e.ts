import { strict as assert } from 'node:assert';
import type { Page } from 'playwright-core';
import { openWorkbench, runCommand, screenshot, type Workbench } from './workbench';

const DEMO_TOKEN = 'rd_demo_token_not_a_secret';

async function inputBox(page: Page, prompt: RegExp): Promise<ReturnType<Page['locator']>> {
  await page.locator('.quick-input-widget', { hasText: prompt }).waitFor({ state: 'visible', timeout: 30_000 });
  return page.locator('.quick-input-widget input[type="text"]');
}

/** Opens Release Deck's walkthrough from the Welcome page's list, as a person would. */
async function openWalkthrough(page: Page): Promise<void> {
    await runCommand(page, 'Welcome: Open Walkthrough...');
    const row = page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Set Up Release Deck' }).first();
    await row.waitFor({ state: 'visible', timeout: 30_000 });
    await row.click();
}

describe('a new user\'s first minute: the walkthrough and Create Profile', () => {
  let workbench: Workbench;

  before(async () => {
    workbench = await openWorkbench({ colorScheme: 'dark', profile: 'none', env: { RELEASE_DECK_GITHUB_TOKEN: DEMO_TOKEN } });
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed') {
      await screenshot(workbench.page, `failed-${(this.currentTest.title).replace(/\W+/g, '-').slice(0, 60)}`);
    }
  });

  after(async () => {
    await workbench.close();
  });

  it('opens the walkthrough from the Welcome page\'s list', async () => {
    const { page } = workbench;
    await openWalkthrough(page);
    await page.getByText('Sign in to GitHub', { exact: true }).first().waitFor({ state: 'visible', timeout: 30_000 });
    await page.getByText('Pick or create the profile').first().waitFor({ state: 'visible' });
    await page.mouse.move(900, 700);
    await screenshot(page, '20-walkthrough');
  });

  it('creates a profile from the simulated GitHub, asking only the deployment repository and the /version URLs, and shows it with its comments', async () => {
    const { page, simulator } = workbench;
    await runCommand(page, 'Release Deck: Create Profile…');
    const repository = await inputBox(page, /holds your apps' code and releases/);
    await repository.fill('WordPress/openverse');
    await repository.press('Enter');
    const infrastructure = await inputBox(page, /Which repository holds them/);
    await infrastructure.fill('WordPress/openverse-infrastructure');
    await screenshot(page, '21-create-profile-question');
    await infrastructure.press('Enter');
    const first = await inputBox(page, /says which commit it runs/);
    await first.fill(`${simulator.url}/live/api/staging/version`);
    await screenshot(page, '22-create-profile-version-url');
    await first.press('Enter');
    // The other environments: left without a /version URL (Enter on an empty box), until the file opens.
    for (let asked = 0; asked < 20; asked += 1) {
      const tab = page.getByRole('tab', { name: /release-deck\.json/ });
      if (await tab.isVisible()) {
        break;
      }
      const box = page.locator('.quick-input-widget', { hasText: /says which commit it runs/ });
      if (await box.isVisible()) {
        await page.locator('.quick-input-widget input[type="text"]').press('Enter');
      }
      await page.waitForTimeout(500);
    }
    await page.getByRole('tab', { name: /release-deck\.json/ }).waitFor({ state: 'visible', timeout: 30_000 });
    const editor = page.locator('.editor-instance .view-lines');
    await editor.getByText('Written by Release Deck').first().waitFor({ state: 'visible', timeout: 30_000 });
    // Monaco renders spaces as no-break spaces: \s matches both.
    assert.match(await editor.innerText(), /"monorepo":\s"WordPress\/openverse"/);
    await page.mouse.move(900, 700);
    await screenshot(page, '23-created-profile');
  });

  it('marks the profile step of the walkthrough done', async () => {
    const { page } = workbench;
    await openWalkthrough(page);
    const step = page.locator('.getting-started-step', { hasText: 'Pick or create the profile' });
    await step.waitFor({ state: 'visible', timeout: 30_000 });
    // VS Code marks a done step with a checked codicon (class "complete") and aria-checked on the step.
    await page.locator('.getting-started-step:has-text("Pick or create the profile") .codicon.complete, .getting-started-step[aria-checked="true"]:has-text("Pick or create the profile")').first().waitFor({ state: 'attached', timeout: 30_000 });
    await page.mouse.move(900, 700);
    await screenshot(page, '24-walkthrough-progress');
  });
});
