import { strict as assert } from 'node:assert';
import { ago, clockTime, commitTitle, dateTime, placeLabel, plural } from '../../../src/domain/words';

describe('words built from data', () => {
  it('counts with the noun in the plural except for one', () => {
    assert.equal(plural(0, 'commit'), '0 commits');
    assert.equal(plural(1, 'commit'), '1 commit');
    assert.equal(plural(3, 'change'), '3 changes');
  });

  it('titles a commit by the first line of its message, whatever the line ending', () => {
    assert.equal(commitTitle('Fix the search page (#4120)\n\nLonger body'), 'Fix the search page (#4120)');
    assert.equal(commitTitle('Windows line\r\nsecond'), 'Windows line');
    assert.equal(commitTitle(''), '');
  });

  it('names a place as the app and the environment in lower case', () => {
    assert.equal(placeLabel({ label: 'API' }, { label: 'Production' }), 'API production');
  });

  it('says how long ago a moment was in the largest whole unit', () => {
    const now = new Date('2026-11-10T12:00:00Z');
    assert.equal(ago('2026-11-10T11:59:30Z', now), '30 seconds ago');
    assert.equal(ago('2026-11-10T12:00:05Z', now), '0 seconds ago', 'a clock a little ahead is not the future');
    assert.equal(ago('2026-11-10T11:59:00Z', now), '1 minute ago');
    assert.equal(ago('2026-11-10T09:00:00Z', now), '3 hours ago');
    assert.equal(ago('2026-11-03T12:00:00Z', now), '1 week ago');
    assert.equal(ago('not a date', now), 'at an unknown time');
  });

  it('says how long ago and when in the person\'s language and time zone', () => {
    const now = new Date('2026-11-10T12:00:00Z');
    assert.equal(ago('2026-11-10T09:00:00Z', now, 'de'), 'vor 3 Stunden');
    assert.equal(ago('2026-11-09T12:00:00Z', now, 'de'), 'vor 1 Tag');
    assert.equal(ago('2026-10-27T12:00:00Z', now, 'fr'), 'il y a 2 semaines');
    assert.equal(dateTime('2026-11-10T09:05:00Z', 'de', 'Europe/Berlin'), '10.11.2026, 10:05');
    assert.equal(dateTime('2026-11-10T09:05:00Z', 'en', 'America/New_York'), 'Nov 10, 2026, 4:05 AM');
    assert.equal(dateTime('not a date', 'de'), 'not a date');
    assert.match(clockTime(now, 'de'), /^\d{2}:\d{2}:\d{2}$/);
  });
});
