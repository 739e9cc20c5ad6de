// Moves every user-facing string of package.json into package.nls.json (English) and leaves a `%key%`
// in its place, editing package.json's text in place (its layout stays as it is).
// Run after adding a command, view, setting or walkthrough step with plain text:
//   node scripts/l10n-manifest.mjs
// then translate the new keys in package.nls.de.json (test/unit/l10n/manifest.test.ts lists the missing ones).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Every localisable string of a manifest in text order: { prop, value, key }.
 * `prop` is the property name before the string (undefined for an array item).
 * @param {any} manifest
 */
export function manifestStrings(manifest) {
  /** @type {{ prop: string | undefined, value: string, key: string }[]} */
  const found = [];
  const add = (prop, value, key) => {
    if (typeof value === 'string') found.push({ prop, value, key });
  };
  const short = (id) => String(id).replace(/^releaseDeck\./, '');
  add('description', manifest.description, 'description');
  for (const [name, capability] of Object.entries(manifest.capabilities ?? {})) {
    if (capability && typeof capability === 'object') add('description', capability.description, `capabilities.${name}.description`);
  }
  const c = manifest.contributes ?? {};
  for (const containers of Object.values(c.viewsContainers ?? {})) {
    for (const container of containers) add('title', container.title, 'displayName');
  }
  for (const views of Object.values(c.views ?? {})) {
    for (const view of views) {
      add('name', view.name, `view.${short(view.id)}.name`);
      add('contextualTitle', view.contextualTitle, 'displayName');
    }
  }
  for (const welcome of c.viewsWelcome ?? []) {
    add('contents', welcome.contents, `viewsWelcome.${short(welcome.view)}.${slug(welcome.contents)}`);
  }
  for (const command of c.commands ?? []) {
    add('title', command.title, `command.${short(command.command)}.title`);
    add('shortTitle', command.shortTitle, `command.${short(command.command)}.shortTitle`);
    add('category', command.category, 'displayName');
  }
  for (const submenu of c.submenus ?? []) add('label', submenu.label, `submenu.${short(submenu.id)}.label`);
  const configurations = Array.isArray(c.configuration) ? c.configuration : c.configuration ? [c.configuration] : [];
  for (const configuration of configurations) {
    add('title', configuration.title, 'displayName');
    for (const [id, setting] of Object.entries(configuration.properties ?? {})) {
      const base = `config.${short(id)}`;
      for (const [prop, value] of Object.entries(setting)) {
        if (['description', 'markdownDescription', 'deprecationMessage', 'markdownDeprecationMessage'].includes(prop)) {
          add(prop, value, `${base}.${prop}`);
        } else if (['enumDescriptions', 'markdownEnumDescriptions'].includes(prop)) {
          value.forEach((text, index) => add(undefined, text, `${base}.${prop}.${setting.enum?.[index] ?? index}`));
        }
      }
    }
  }
  for (const walkthrough of c.walkthroughs ?? []) {
    const base = `walkthrough.${short(walkthrough.id)}`;
    add('title', walkthrough.title, `${base}.title`);
    add('description', walkthrough.description, `${base}.description`);
    for (const step of walkthrough.steps ?? []) {
      add('title', step.title, `${base}.${step.id}.title`);
      add('description', step.description, `${base}.${step.id}.description`);
      add('altText', step.media?.altText, `${base}.${step.id}.altText`);
    }
  }
  return found;
}

/** A key part from a text's first words: "The profile file has problems, …" → "theProfileFileHasProblems". */
function slug(text) {
  const words = text.replace(/\[[^\]]*\]\([^)]*\)/g, ' ').match(/[A-Za-z]+/g) ?? ['text'];
  return words.slice(0, 5).map((word, i) => (i === 0 ? word.toLowerCase() : word[0].toUpperCase() + word.slice(1).toLowerCase())).join('');
}

/**
 * package.json's text with each plain string replaced by its `%key%`, and the English strings by key.
 * @param {string} text
 */
export function externalise(text) {
  const strings = manifestStrings(JSON.parse(text));
  /** @type {Record<string, string>} */
  const english = {};
  let cursor = 0;
  for (const { prop, value, key } of strings) {
    const literal = /"((?:[^"\\]|\\.)*)"/g;
    literal.lastIndex = cursor;
    let match;
    while ((match = literal.exec(text)) || cursor > 0) {
      if (!match) {
        cursor = 0; // not in text order: look again from the top
        literal.lastIndex = 0;
        continue;
      }
      const before = text.slice(Math.max(0, match.index - 200), match.index);
      const propOk = prop === undefined ? /[[,]\s*$/.test(before) : new RegExp(`"${prop}"\\s*:\\s*$`).test(before);
      if (propOk && JSON.parse(match[0]) === value) break;
    }
    if (!match) throw new Error(`not found in package.json text: ${key}`);
    cursor = match.index + match[0].length;
    if (/^%[^%]+%$/.test(value)) continue;
    if (english[key] !== undefined && english[key] !== value) throw new Error(`two texts for one key ${key}`);
    english[key] = value;
    text = text.slice(0, match.index) + JSON.stringify(`%${key}%`) + text.slice(cursor);
    cursor = match.index + key.length + 4;
  }
  return { text, english };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const manifestPath = join(root, 'package.json');
  const nlsPath = join(root, 'package.nls.json');
  const { text, english } = externalise(readFileSync(manifestPath, 'utf8'));
  const nls = { ...(existsSync(nlsPath) ? JSON.parse(readFileSync(nlsPath, 'utf8')) : {}), ...english };
  writeFileSync(manifestPath, text);
  writeFileSync(nlsPath, `${JSON.stringify(nls, null, 2)}\n`);
  console.log(`${Object.keys(english).length} new strings moved to package.nls.json`);
}
