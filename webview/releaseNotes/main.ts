import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import '@vscode-elements/elements/dist/vscode-divider/index.js';
import '@vscode-elements/elements/dist/vscode-badge/index.js';
import '@vscode-elements/elements/dist/vscode-progress-ring/index.js';
import type { NotesView } from '../../src/domain/releaseNotes';
import type { HostMessage, NotesWords, PageMessage } from '../../src/ui/releaseNotes/messages';
import { sanitizeNotes } from './sanitize';

interface VsCodeApi {
  postMessage(message: PageMessage): void;
  setState(state: unknown): void;
  getState(): unknown;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const root = document.getElementById('app') as HTMLElement;

// The app this panel shows, saved at once: a window reload restores it from the state, whatever the title's language.
const savedState = vscode.getState();
const appId = root.dataset.appId;
// Its workspace folder too (a multi-root workspace has one deck section per folder).
const appSection = root.dataset.section ?? '';
if ((typeof savedState !== 'object' || savedState === null) && appId !== undefined && appId !== '') {
  vscode.setState({ appId, section: appSection });
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, options: { text?: string; className?: string } = {}, ...children: Node[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (options.text !== undefined) {
    node.textContent = options.text;
  }
  if (options.className !== undefined) {
    node.className = options.className;
  }
  node.append(...children);
  return node;
}

function custom(tag: string, attributes: Record<string, string> = {}, text?: string): HTMLElement {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    node.setAttribute(name, value);
  }
  if (text !== undefined) {
    node.textContent = text;
  }
  return node;
}

function link(text: string, url: string): HTMLElement {
  if (url === '') {
    // The host left out a link it would not open (not https, or not on the GitHub host in use).
    return element('span', { text });
  }
  const anchor = element('a', { text });
  anchor.setAttribute('data-href', url);
  anchor.setAttribute('role', 'link');
  anchor.setAttribute('tabindex', '0');
  anchor.title = url;
  return anchor;
}

function openLinkFrom(event: Event): void {
  const target = (event.target as HTMLElement | null)?.closest('[data-href]');
  const url = target?.getAttribute('data-href');
  if (url !== null && url !== undefined) {
    event.preventDefault();
    vscode.postMessage({ type: 'openExternal', url });
  }
}

document.addEventListener('click', openLinkFrom);
document.addEventListener('keydown', (event) => {
  if (event.key === 'Enter') {
    openLinkFrom(event);
  }
});

function render(view: NotesView, words: NotesWords): void {
  vscode.setState({ appId: view.appId, releaseId: view.releaseId, section: appSection });
  const header = element('header', { className: 'header' });
  const title = element('h1', { text: view.name });
  const badge = custom('vscode-badge', { variant: view.draft ? 'counter' : 'default' }, view.draft ? words.draft : words.published);
  title.append(' ', badge);
  const facts = element('dl', { className: 'facts' });
  const fact = (term: string, value: string | Node): void => {
    facts.append(element('dt', { text: term }), element('dd', {}, typeof value === 'string' ? document.createTextNode(value) : value));
  };
  fact(words.app, view.appLabel);
  fact(words.gitTag, view.gitTag);
  fact(view.draft ? words.imageTagOncePublished : words.imageTag, view.imageTag);
  fact(view.draft ? words.gitTagCreatedOn : words.commit, view.target);
  if (view.build !== undefined) {
    fact(words.build, view.build);
  }
  if (view.publishedOn !== undefined) {
    // Formatted by the extension in the editor's language and the person's time zone.
    fact(words.publishedOn, view.publishedOn);
  }
  if (view.draft) {
    fact(words.changes, `${view.changeCount}`);
  }

  const actions = element('div', { className: 'actions' });
  if (view.draft) {
    const publish = custom('vscode-button', view.publishing ? { disabled: '' } : {}, view.publishing ? words.publishing : words.publish);
    publish.id = 'publish';
    publish.addEventListener('click', () => {
      if (!publish.hasAttribute('disabled')) {
        publish.setAttribute('disabled', '');
        publish.textContent = words.publishing;
        vscode.postMessage({ type: 'publish', releaseId: view.releaseId });
      }
    });
    actions.append(publish);
  }
  const openOnGitHub = custom('vscode-button', { secondary: '' }, words.openOnGitHub);
  openOnGitHub.addEventListener('click', () => {
    vscode.postMessage({ type: 'openExternal', url: view.htmlUrl });
  });
  const refresh = custom('vscode-button', { secondary: '' }, words.refresh);
  refresh.id = 'refresh';
  refresh.addEventListener('click', () => {
    vscode.postMessage({ type: 'refresh' });
  });
  actions.append(...(view.htmlUrl !== '' ? [openOnGitHub] : []), refresh);

  const select = custom('vscode-single-select', { 'aria-label': words.otherRelease });
  for (const release of view.releases) {
    const option = custom('vscode-option', { value: String(release.id), ...(release.id === view.releaseId ? { selected: '' } : {}) }, release.draft ? words.draftOption.replace('{0}', release.gitTag) : release.gitTag);
    select.append(option);
  }
  select.addEventListener('change', () => {
    const value = Number((select as HTMLElement & { value: string }).value);
    if (Number.isSafeInteger(value) && value !== view.releaseId) {
      vscode.postMessage({ type: 'select', releaseId: value });
    }
  });
  const picker = element('label', { className: 'picker', text: `${words.release} ` }, select);
  header.append(title, facts, actions, picker);

  const sections: Node[] = [header];
  if (view.draft && view.effects.length > 0) {
    sections.push(element('section', { className: 'effects' }, element('h2', { text: words.effects }), element('ul', {}, ...view.effects.map((effect) => element('li', { text: effect })))));
  }
  if (view.draft && view.environmentVariables.length > 0) {
    sections.push(element('section', { className: 'environment-variables' }, element('h2', { text: words.environmentVariables }), element('ul', {}, ...view.environmentVariables.map((line) => element('li', { text: line })))));
  }
  const notes = element('section', { className: 'notes' }, element('h2', { text: words.releaseNotes }));
  const body = element('div', { className: 'markdown-body' });
  if (view.bodyHtml.trim() === '') {
    body.append(element('p', { className: 'muted', text: words.noNotes }));
  } else {
    body.append(sanitizeNotes(view.bodyHtml));
  }
  notes.append(body);
  sections.push(notes);

  const commits = element('section', { className: 'commits' }, element('h2', { text: words.commits }), element('p', { className: 'muted', text: view.compareNote }));
  if (view.commits.length > 0) {
    const list = element('ol', { className: 'commit-list' });
    for (const commit of view.commits) {
      list.append(element('li', {}, link(commit.sha.slice(0, 7), commit.url), document.createTextNode(` ${commit.title} `), element('span', { className: 'muted', text: `· ${commit.author}` })));
    }
    commits.append(list);
  }
  if (view.compareUrl !== undefined) {
    commits.append(element('p', {}, link(words.fullComparison, view.compareUrl)));
  }
  sections.push(commits);
  root.replaceChildren(...sections);
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const message = event.data as Partial<HostMessage> | null;
  if (message === null || typeof message !== 'object') {
    return;
  }
  switch (message.type) {
    case 'notes':
      if (typeof message.view === 'object' && typeof message.words === 'object') {
        render(message.view, message.words);
      }
      break;
    case 'loading':
      if (root.querySelector('header') === null) {
        root.replaceChildren(element('p', { className: 'muted' }, custom('vscode-progress-ring'), document.createTextNode(` ${String(message.text)}`)));
      }
      break;
    case 'error':
      root.replaceChildren(element('p', { className: 'error', text: String(message.message) }));
      break;
    default:
      break;
  }
});

vscode.postMessage({ type: 'ready' });
