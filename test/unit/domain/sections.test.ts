import { strict as assert } from 'node:assert';
import { english } from '../../../src/domain/l10n';
import { chooseSection, primarySection, shownSections, type FolderSection } from '../../../src/domain/sections';

const openverse: FolderSection = { key: 'file:///work/openverse', name: 'openverse', hasProfile: true };
const shop: FolderSection = { key: 'file:///work/shop', name: 'shop', hasProfile: true };
const notes: FolderSection = { key: 'file:///work/notes', name: 'notes', hasProfile: false };

describe('sections of a multi-root workspace', () => {
  it('shows a section for each folder that has a profile, in the workspace\'s order, and none for the others', () => {
    assert.deepEqual(shownSections([notes, shop, openverse]).map((folder) => folder.name), ['shop', 'openverse']);
    assert.deepEqual(shownSections([notes]), []);
  });

  it('reflects the first folder with a profile in the view as a whole, else the first folder (its welcome view)', () => {
    assert.equal(primarySection([notes, shop, openverse])?.name, 'shop');
    assert.equal(primarySection([notes, { ...shop, hasProfile: false }])?.name, 'notes');
    assert.equal(primarySection<FolderSection>([]), undefined);
  });

  it('acts on the section an item names, and refuses one whose folder was closed', () => {
    assert.deepEqual(chooseSection(english, { folders: [openverse, shop], given: shop.key, activeFolder: openverse.key }), { kind: 'section', key: shop.key });
    const closed = chooseSection(english, { folders: [openverse], given: shop.key });
    assert.equal(closed.kind, 'refused');
    assert.match(closed.kind === 'refused' ? closed.reason : '', /no longer open in this workspace/);
  });

  it('from the palette: the only section, else the active file\'s, else the user chooses among those shown', () => {
    assert.deepEqual(chooseSection(english, { folders: [notes, shop] }), { kind: 'section', key: shop.key });
    assert.deepEqual(chooseSection(english, { folders: [openverse, shop, notes], activeFolder: shop.key }), { kind: 'section', key: shop.key });
    assert.deepEqual(chooseSection(english, { folders: [openverse, shop, notes], activeFolder: notes.key }), { kind: 'ask', keys: [openverse.key, shop.key] });
    assert.deepEqual(chooseSection(english, { folders: [openverse, shop] }), { kind: 'ask', keys: [openverse.key, shop.key] });
  });

  it('without any profile acts on the first folder (where the welcome view offers one), and on nothing without folders', () => {
    assert.deepEqual(chooseSection(english, { folders: [notes, { ...shop, hasProfile: false }] }), { kind: 'section', key: notes.key });
    assert.equal(chooseSection(english, { folders: [] }).kind, 'refused');
  });
});
