import { strict as assert } from 'node:assert';
import type { Frame, Page } from 'playwright-core';
import { INFRA, MONOREPO } from '../simulator/openverseWorld';
import { assertNowhereOnScreen, openLoadedDeck, openWorkbench, runCommand, screenshot, waitForSavedEditors, type Workbench } from './workbench';

const DEMO_TOKEN = 'rd_demo_token_not_a_secret';

/** Notes a hostile contributor could get into a release: every trick must render inert. */
const HOSTILE_NOTES = [
  '## Bug Fixes',
  '',
  '- Fix the thing (#1) by @someone',
  '<script>window.__pwned = "script"</script>',
  '<img src="x" onerror="window.__pwned = \'onerror\'">',
  '<a href="javascript:window.__pwned=\'javascript\'">javascript link</a>',
  '<a href="data:text/html,<script>alert(1)</script>">data link</a>',
  '<iframe src="https://example.com"></iframe>',
  '<form action="https://example.com"><input name="token"><button>Send</button></form>',
  '<svg><script>window.__pwned = "svg"</script><circle onload="window.__pwned=\'svg-onload\'"/></svg>',
  '<div style="position:fixed;inset:0;background:red">overlay</div>',
  '<a href="https://github.com/WordPress/openverse/pull/1">a real link</a>',
].join('\n');

async function notesFrame(page: Page): Promise<Frame> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    for (const frame of page.frames()) {
      if ((await frame.locator('#app header h1').count().catch(() => 0)) > 0) {
        return frame;
      }
    }
    await page.waitForTimeout(200);
  }
  const texts = await Promise.all(page.frames().map((frame) => frame.locator('#app').innerText({ timeout: 500 }).catch(() => '')));
  throw new Error(`the release notes webview did not render (webview text: ${JSON.stringify(texts.filter((text) => text !== ''))})`);
}

/** Opens (or brings forward) Frontend's release notes through the command palette. */
async function openFrontendNotes(page: Page): Promise<Frame> {
  await runCommand(page, 'Release Deck: Open Release Notes');
  const input = page.locator('.quick-input-widget input[type="text"]');
  await input.fill('Frontend');
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Frontend' }).first().waitFor({ state: 'visible' });
  await input.press('Enter');
  return notesFrame(page);
}

async function hostileDraft(workbench: Workbench): Promise<void> {
  const releases = (await (await fetch(`${workbench.simulator.url}/repos/${MONOREPO}/releases?per_page=100`, { headers: { authorization: `token ${DEMO_TOKEN}` } })).json()) as Array<{ id: number; tag_name: string; draft: boolean }>;
  const draft = releases.find((release) => release.draft && release.tag_name.startsWith('frontend-'));
  assert.ok(draft);
  const response = await fetch(`${workbench.simulator.url}/repos/${MONOREPO}/releases/${draft.id}`, {
    method: 'PATCH',
    headers: { authorization: `token ${DEMO_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ body: HOSTILE_NOTES }),
  });
  assert.equal(response.status, 200);
}

for (const colorScheme of ['dark', 'light'] as const) {
  describe(`the release notes panel (${colorScheme} theme)`, () => {
    let workbench: Workbench;

    before(async () => {
      workbench = await openWorkbench({ colorScheme, env: { RELEASE_DECK_GITHUB_TOKEN: DEMO_TOKEN } });
    });

    afterEach(async function () {
      if (this.currentTest?.state === 'failed') {
        await screenshot(workbench.page, `failed-release-notes-${colorScheme}`);
      }
    });

    after(async () => {
      await workbench.close();
    });

    it("shows the frontend draft's notes, and Refresh shows them as edited on GitHub since", async () => {
      const { page } = workbench;
      await openLoadedDeck(page, 'Frontend');
      const frame = await openFrontendNotes(page);
      await frame.locator('h1', { hasText: 'frontend-2026.11.25.18.00.00' }).waitFor();
      // The drafted notes as release-drafter wrote them: a line per merged pull request of the app.
      const body = frame.locator('.markdown-body');
      await body.locator('li', { hasText: 'Restore the focus ring on the home page search' }).waitFor();
      await page.mouse.move(10, 890);
      await screenshot(page, `05-release-notes-draft-${colorScheme}`, colorScheme === 'dark' ? 'release-notes' : undefined);
      await hostileDraft(workbench);
      await frame.locator('#refresh').click();
      await frame.getByText('a real link').waitFor({ timeout: 30_000 });
      assert.equal(await body.locator('li', { hasText: 'Restore the focus ring on the home page search' }).count(), 0, 'the old notes are gone');
    });

    it('renders the frontend draft with hostile notes made inert', async () => {
      const { page } = workbench;
      // The panel the test before opened, refreshed with the notes as edited on GitHub.
      const frame = await notesFrame(page);
      await frame.locator('h1', { hasText: 'frontend-2026.11.25.18.00.00' }).waitFor();
      await frame.getByText('a real link').waitFor();
      assert.equal(await frame.evaluate(() => (window as unknown as { __pwned?: string }).__pwned), undefined, 'no hostile code ran');
      const csp = (await frame.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')) ?? '';
      assert.match(csp, /default-src 'none'/);
      assert.match(csp, /script-src 'nonce-[A-Za-z0-9+/=]{16,}'(;|$)/, 'scripts only with the nonce');
      assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
      assert.match(csp, /img-src [^;]*https:\/\/camo\.githubusercontent\.com/, 'images through GitHub\'s image proxy');
      assert.doesNotMatch(csp, /img-src [^;]*https:(;|\s|$)/, 'not from any https host');
      const body = frame.locator('.markdown-body');
      assert.equal(await body.locator('script, iframe, form, input, svg, style, object, embed').count(), 0, 'no active elements');
      const attributes = await body.evaluate((node: Element) => [...node.querySelectorAll('*')].flatMap((child: Element) => [...child.attributes].map((attribute: Attr) => `${attribute.name}=${attribute.value}`)));
      assert.deepEqual(attributes.filter((attribute) => /^on|^style=|javascript:|data:text/i.test(attribute)), []);
      const realLink = body.locator('[data-href]', { hasText: 'a real link' });
      assert.equal(await realLink.getAttribute('data-href'), 'https://github.com/WordPress/openverse/pull/1', 'the https link survives, opened through the extension');
      assert.equal(await body.locator('[href]').count(), 0, 'no link navigates inside the webview');
      assert.match(await frame.locator('.effects').innerText(), /Frontend production is deployed automatically: rel-2026\.10\.10\.11\.00\.00 → rel-2026\.11\.25\.18\.00\.00/);
      assert.ok((await frame.locator('.commit-list li').count()) > 0, 'the commits since production are listed');
      // The tab's icon: the variant drawn for this theme kind (a single icon in currentColor is black on dark tabs).
      // VS Code 1.100 draws it as a ::before background; 1.139 as the icon label's own background (the input's getIcon()).
      const tabIcons = await page.locator('.tabs-container .tab.active').evaluate((tab: Element) =>
        [tab, ...tab.querySelectorAll('*')].flatMap((element) => [getComputedStyle(element, '::before').backgroundImage, getComputedStyle(element).backgroundImage, element instanceof HTMLImageElement ? element.src : '']).filter((image) => image !== 'none' && image !== '').join(' '),
      );
      assert.match(tabIcons, new RegExp(`release-deck-tab-${colorScheme}\\.svg`), `the tab shows the ${colorScheme} icon (${tabIcons.slice(0, 300)})`);
      await page.mouse.move(10, 890);
      await screenshot(page, `06-release-notes-hostile-${colorScheme}`);
    });

    if (colorScheme === 'light') {
      it('comes back after the window reloads', async () => {
        const { page } = workbench;
        // The workbench saves its open editors (with the panel's state) a moment after they change.
        await waitForSavedEditors(page, 'releaseDeck.releaseNotes');
        await waitForSavedEditors(page, 'appId');
        await page.reload();
        await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
        const frame = await notesFrame(page);
        await frame.locator('h1', { hasText: 'frontend-2026.11.25.18.00.00' }).waitFor({ timeout: 30_000 });
        await frame.getByText('a real link').waitFor();
      });
    }

    if (colorScheme === 'dark') {
      it('publishes from the panel through the modal confirmation, and reports the completed chain', async () => {
        const { page } = workbench;
        const frame = await notesFrame(page);
        await frame.locator('#publish').click();
        const dialog = page.locator('.monaco-dialog-box');
        await dialog.waitFor({ state: 'visible', timeout: 15_000 });
        const text = await dialog.innerText();
        assert.match(text, /Publish the GitHub Release frontend-2026\.11\.25\.18\.00\.00\?/);
        assert.match(text, /Image tag: rel-2026\.11\.25\.18\.00\.00/);
        await screenshot(page, '07-publish-confirmation', 'publish-confirmation');
        await dialog.getByRole('button', { name: 'Publish GitHub Release' }).click();
        const done = page.locator('.notifications-toasts .notification-toast', { hasText: 'Published frontend-2026.11.25.18.00.00' });
        await done.waitFor({ state: 'visible', timeout: 120_000 });
        assert.match(await done.innerText(), /Frontend production runs the build of rel-2026\.11\.25\.18\.00\.00 \(commit [0-9a-f]{7}\)/);
        assert.match(await done.innerText(), /changelog pull request #\d+/);
        // The panel now shows the release as published, dated as the person reads dates (Intl: the editor's
        // language, their time zone), not as UTC; only tag names carry UTC (release-process.md).
        const publishedOn = frame.locator('dt', { hasText: /^Published$/ }).locator('xpath=following-sibling::dd[1]');
        await publishedOn.waitFor({ state: 'visible', timeout: 30_000 });
        assert.match(await publishedOn.innerText(), /^[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d\d\s[AP]M$/);
        await screenshot(page, '08-publish-completed', 'publish-completed');
        await assertNowhereOnScreen(page, DEMO_TOKEN);
        const runs = (await (await fetch(`${workbench.simulator.url}/repos/${INFRA}/actions/runs?per_page=100`, { headers: { authorization: `token ${DEMO_TOKEN}` } })).json()) as { workflow_runs: Array<{ display_title: string; conclusion: string | null }> };
        assert.equal(runs.workflow_runs.filter((run) => run.display_title === 'Deploy rel-2026.11.25.18.00.00 to production-nuxt').length, 1, 'one production deployment');
      });
    }
  });
}
