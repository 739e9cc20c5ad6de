import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { openBrowser, type OpenBrowser } from '../../scripts/editor/browser';
import { ROOT, startEditor, type RunningEditor } from '../../scripts/editor/codeServer';
import { createMultiRootWorkspace, createWorkspace } from '../../scripts/editor/workspace';
import { worldNamed } from '../simulator/acmeWorld';
import { openverseWorld } from '../simulator/openverseWorld';
import { startSimulator, type RunningSimulator } from '../simulator/server';
import { simulatorUserSettings } from '../simulator/simulatedProfile';

export const SCREENSHOTS = join(ROOT, 'test-results', 'e2e');

/** The log says once which editor the suite runs in (RELEASE_DECK_EDITOR; the newest by default). */
let versionsSaid = false;

export interface Workbench {
  readonly page: Page;
  readonly simulator: RunningSimulator;
  readonly editor: RunningEditor;
  close(): Promise<void>;
}

/** Opens VS Code (code-server) in Chromium with Release Deck loaded, against a fresh simulator. */
/** `multiRoot`: a workspace of the Openverse and acme/shop checkouts, each with its profile, both worlds simulated. */
export async function openWorkbench(options: { colorScheme?: 'light' | 'dark'; userSettings?: Record<string, unknown>; env?: Record<string, string>; vsix?: string; profile?: 'simulated' | 'none'; locale?: string; multiRoot?: boolean } = {}): Promise<Workbench> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const simulator = await startSimulator({ world: options.multiRoot === true ? worldNamed('both', openverseWorld) : openverseWorld(), clock: 'real' });
  const workspace = options.multiRoot === true ? createMultiRootWorkspace({ simulatorUrl: simulator.url }) : createWorkspace({ simulatorUrl: simulator.url, ...(options.profile !== undefined ? { profile: options.profile } : {}) });
  let editor: RunningEditor | undefined;
  let browser: OpenBrowser | undefined;
  try {
    editor = await startEditor({
      workspace: workspace.path,
      userSettings: { ...simulatorUserSettings(simulator.url), 'workbench.colorTheme': options.colorScheme === 'light' ? 'Default Light Modern' : 'Default Dark Modern', ...options.userSettings },
      ...(options.env !== undefined ? { env: options.env } : {}),
      ...(options.vsix !== undefined ? { installVsix: options.vsix } : {}),
      load: { extensionDevelopmentPaths: options.vsix !== undefined ? [] : [ROOT] },
      ...(options.locale !== undefined ? { locale: options.locale } : {}),
    });
    if (!versionsSaid) {
      versionsSaid = true;
      console.log(`      (end-to-end suite in the ${editor.versions})`);
    }
    browser = await openBrowser({ colorScheme: options.colorScheme ?? 'dark' });
    const page = browser.page;
    await page.goto(editor.workbenchUrl());
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await page.locator('.activitybar').waitFor({ timeout: 60_000 });
    const openedEditor = editor;
    const openedBrowser = browser;
    return {
      page,
      simulator,
      editor,
      async close() {
        await openedBrowser.close();
        await openedEditor.stop();
        await simulator.close();
        workspace.remove();
      },
    };
  } catch (error) {
    await browser?.close();
    await editor?.stop();
    await simulator.close();
    workspace.remove();
    throw error;
  }
}

/** Where `npm run pictures` keeps the README's pictures: taken by this suite, never drawn by hand. */
export const README_PICTURES = join(ROOT, 'media', 'readme');

/**
 * Saves what the page shows now under test-results/e2e/; with `readme`, under `npm run pictures`
 * (RELEASE_DECK_README_PICTURES=1) also as the README's picture of that name in media/readme/.
 */
export async function screenshot(page: Page, name: string, readme?: string): Promise<void> {
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path });
  if (readme !== undefined && process.env.RELEASE_DECK_README_PICTURES === '1') {
    mkdirSync(README_PICTURES, { recursive: true });
    copyFileSync(path, join(README_PICTURES, `${readme}.png`));
  }
}

/** Runs a command from the command palette, as a person would. */
export async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input[type="text"]');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${title}`);
  const row = page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first();
  await row.waitFor({ state: 'visible' });
  await input.press('Enter');
}

export async function openReleaseDeck(page: Page): Promise<void> {
  const tab = page.getByRole('tab', { name: /^Release Deck/ });
  if ((await tab.getAttribute('aria-selected')) !== 'true') {
    await tab.click();
  }
  await page.locator('.sidebar .composite.title', { hasText: /release deck/i }).waitFor({ state: 'visible' });
  // Move the pointer off the activity bar so its hover label does not cover the deck.
  await page.mouse.move(900, 600);
}

/**
 * Opens the deck and waits until it shows the app `label` (that is, until the first refresh has loaded it), found by
 * its spoken label: `spoken` for an editor in another language (German: "App API, …").
 */
export async function openLoadedDeck(page: Page, label = 'API', spoken = new RegExp(`^${label} app,`)): Promise<void> {
  await openReleaseDeck(page);
  await page.getByRole('treeitem', { name: spoken }).waitFor({ state: 'visible', timeout: 30_000 });
}

/** Drags the side bar wider, as a maintainer does to read the deck's descriptions. */
export async function widenSideBar(page: Page, width = 520): Promise<void> {
  const box = await page.locator('.part.sidebar').boundingBox();
  if (box === null) {
    return;
  }
  const edge = box.x + box.width;
  await page.mouse.move(edge - 1, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + width, box.y + box.height / 2, { steps: 8 });
  await page.mouse.up();
  await page.mouse.move(900, 600);
}

/** Asserts a secret appears nowhere a person could see it: the workbench, its notifications, every webview. */
export async function assertNowhereOnScreen(page: Page, secret: string): Promise<void> {
  for (const frame of page.frames()) {
    const html = await frame.content().catch(() => '');
    if (html.includes(secret)) {
      throw new Error(`a secret is in the page (frame ${frame.url().slice(0, 80)})`);
    }
  }
}

/**
 * Waits until the workbench has saved its open editors (in the browser's IndexedDB) and the saved state
 * mentions `text`: a reload before that would find an older layout, whatever the extension does.
 */
export async function waitForSavedEditors(page: Page, text: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const saved = await page.evaluate(async () => {
      const values: string[] = [];
      for (const info of await indexedDB.databases()) {
        if (info.name === undefined || !info.name.startsWith('vscode-web-state-db')) {
          continue;
        }
        const name = info.name;
        const database = await new Promise<IDBDatabase>((resolve, reject) => {
          const request = indexedDB.open(name);
          request.onsuccess = () => {
            resolve(request.result);
          };
          request.onerror = () => {
            reject(new Error(String(request.error)));
          };
        });
        try {
          if (database.objectStoreNames.contains('ItemTable')) {
            const value = await new Promise<unknown>((resolve) => {
              const request = database.transaction('ItemTable').objectStore('ItemTable').get('memento/workbench.parts.editor');
              request.onsuccess = () => {
                resolve(request.result);
              };
              request.onerror = () => {
                resolve(undefined);
              };
            });
            values.push(typeof value === 'string' ? value : JSON.stringify(value ?? null));
          }
        } finally {
          database.close();
        }
      }
      return values.join('\n');
    });
    if (saved.includes(text)) {
      return;
    }
    if (Date.now() > deadline) {
      throw new Error(`the workbench did not save its editors with "${text}" within ${timeoutMs / 1000} s`);
    }
    await page.waitForTimeout(200);
  }
}
