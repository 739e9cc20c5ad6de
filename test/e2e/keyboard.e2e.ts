import { strict as assert } from 'node:assert';
import type { Frame, Page } from 'playwright-core';
import { openWorkbench, screenshot, type Workbench } from './workbench';

const DEMO_TOKEN = 'rd_demo_token_not_a_secret';
const DRAFT = 'frontend-2026.11.25.18.00.00';

/** Runs a command from the command palette with keys only: F1, typing, Enter. */
async function paletteByKeys(page: Page, title: string): Promise<void> {
  // The palette lists what was registered when it opened: reopened while the extensions' contributions load.
  for (let attempt = 1; ; attempt += 1) {
    await page.keyboard.press('F1');
    await page.locator('.quick-input-widget input[type="text"]').waitFor({ state: 'visible' });
    await page.keyboard.type(title);
    const row = page.locator('.quick-input-widget .monaco-list-row.focused', { hasText: title });
    try {
      await row.waitFor({ state: 'visible', timeout: 5_000 });
      await page.keyboard.press('Enter');
      return;
    } catch (error) {
      await page.keyboard.press('Escape');
      if (attempt === 4) {
        throw error;
      }
    }
  }
}

/** The deck row that has the keyboard focus, as a screen reader names it. */
async function focusedRow(page: Page): Promise<string> {
  const row = page.locator('.part.sidebar .monaco-list:focus-within .monaco-list-row.focused');
  return (await row.count()) === 1 ? ((await row.getAttribute('aria-label')) ?? '') : '';
}

/** Presses `key` until the focused deck row's spoken name matches `name`, as a person arrowing down the tree. */
async function arrowTo(page: Page, key: 'ArrowDown' | 'ArrowUp', name: RegExp): Promise<string> {
  const seen: string[] = [];
  for (let presses = 0; presses < 40; presses += 1) {
    const label = await focusedRow(page);
    if (name.test(label)) {
      return label;
    }
    seen.push(label);
    await page.keyboard.press(key);
    await page.waitForTimeout(50);
  }
  const active = await page.evaluate(() => `${document.activeElement?.tagName ?? ''}.${document.activeElement?.className ?? ''}`);
  throw new Error(`no deck row ${String(name)} reached with ${key} (rows passed: ${JSON.stringify(seen)}; focus on ${active})`);
}

/** The frame of the release notes panel, once it has rendered. */
async function notesFrame(page: Page): Promise<Frame> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    for (const frame of page.frames()) {
      if ((await frame.locator('#app header h1').count().catch(() => 0)) > 0) {
        return frame;
      }
    }
    await page.waitForTimeout(200);
  }
  throw new Error('the release notes webview did not render');
}

/** What has the keyboard focus in the panel: the element's id or text, and how its focus is drawn. */
async function panelFocus(frame: Frame): Promise<{ id: string; text: string; outline: string; focusBorder: string }> {
  return frame.evaluate(() => {
    const active = document.activeElement as HTMLElement | null;
    const drawn = active?.shadowRoot?.querySelector('.base') ?? active;
    const style = drawn !== null && drawn !== undefined ? getComputedStyle(drawn) : undefined;
    return {
      id: active?.id ?? '',
      text: (active?.textContent ?? '').trim(),
      outline: style !== undefined ? `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}` : '',
      focusBorder: getComputedStyle(document.documentElement).getPropertyValue('--vscode-focusBorder').trim(),
    };
  });
}

describe('keyboard only, in the high contrast theme', () => {
  let workbench: Workbench;

  before(async () => {
    workbench = await openWorkbench({
      colorScheme: 'dark',
      env: { RELEASE_DECK_GITHUB_TOKEN: DEMO_TOKEN },
      userSettings: { 'workbench.colorTheme': 'Default High Contrast' },
    });
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed') {
      await screenshot(workbench.page, 'failed-keyboard');
    }
  });

  after(async () => {
    await workbench.close();
  });

  it('publishes a draft from the deck through the release notes panel and the modal, with no mouse', async () => {
    const { page } = workbench;
    // The deck, by the command palette; the view takes the keyboard focus.
    await page.getByRole('tab', { name: /^Release Deck/ }).waitFor({ state: 'attached', timeout: 60_000 });
    await paletteByKeys(page, 'Release Deck: Focus on Deck View');
    await page.getByRole('treeitem', { name: /^Frontend app,/ }).waitFor({ state: 'visible', timeout: 30_000 });
    // Focused again now that it has rows (it was loading at first).
    await paletteByKeys(page, 'Release Deck: Focus on Deck View');
    await page.keyboard.press('Home');
    assert.match(await arrowTo(page, 'ArrowDown', /^Frontend app,/), /^Frontend app, production last deployment failed/, 'the app row says its state in words');
    const draft = await arrowTo(page, 'ArrowDown', /^Frontend draft GitHub Release /);
    assert.match(draft, new RegExp(`^Frontend draft GitHub Release ${DRAFT.replace(/\./g, '\\.')}, not published, \\d+ changes$`));
    await screenshot(page, '09-deck-high-contrast');

    // Its actions: the context menu key.
    await page.keyboard.press('Shift+F10');
    const menu = page.locator('.monaco-menu');
    await menu.waitFor({ state: 'visible' });
    for (let presses = 0; presses < 10 && !(await menu.locator('.action-item.focused', { hasText: 'Open Release Notes' }).isVisible()); presses += 1) {
      await page.keyboard.press('ArrowDown');
    }
    await menu.locator('.action-item.focused', { hasText: 'Open Release Notes' }).waitFor({ state: 'visible', timeout: 2_000 });
    await page.keyboard.press('Enter');

    // The panel: Tab reaches the Publish button, drawn with the theme's focus border.
    const frame = await notesFrame(page);
    await frame.locator('h1', { hasText: DRAFT }).waitFor();
    let focus = await panelFocus(frame);
    const passed: string[] = [];
    for (let presses = 0; presses < 15 && focus.id !== 'publish'; presses += 1) {
      passed.push(focus.id !== '' ? focus.id : focus.text.slice(0, 30));
      await page.keyboard.press('Tab');
      focus = await panelFocus(frame);
    }
    assert.equal(focus.id, 'publish', `Tab reaches the Publish button (focus passed: ${JSON.stringify(passed)})`);
    assert.equal(focus.text, 'Publish GitHub Release');
    assert.match(focus.outline, /^solid [1-9]/, `the focused button is outlined (${focus.outline})`);
    assert.notEqual(focus.focusBorder, '', 'the panel has the theme\'s focusBorder');
    await screenshot(page, '10-release-notes-high-contrast');
    await page.keyboard.press('Enter');

    // The modal: the keys move between its buttons, Enter answers.
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor({ state: 'visible', timeout: 15_000 });
    assert.match(await dialog.innerText(), new RegExp(`Publish the GitHub Release ${DRAFT.replace(/\./g, '\\.')}\\?`));
    const focusedButton = dialog.locator('.monaco-button:focus');
    for (let presses = 0; presses < 6 && (await focusedButton.innerText().catch(() => '')) !== 'Publish GitHub Release'; presses += 1) {
      await page.keyboard.press('Tab');
    }
    assert.equal(await focusedButton.innerText(), 'Publish GitHub Release');
    await page.keyboard.press('Enter');

    // To completion: the result message.
    const done = page.locator('.notifications-toasts .notification-toast', { hasText: `Published ${DRAFT}` });
    await done.waitFor({ state: 'visible', timeout: 120_000 });
    assert.match(await done.innerText(), /Frontend production runs the build of rel-2026\.11\.25\.18\.00\.00/);
    await screenshot(page, '11-published-high-contrast');
  });
});
