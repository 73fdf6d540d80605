// Pure rules of the programme: the legal graph of the life cycle, addresses made from Polish
// titles, calendar days, and dates shown only as precisely as they are known.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatters } from '../../i18n/index.js';
import { isLegalTransition, slugify, timeline, TRANSITIONS } from './programme.service.js';
import { PROGRAMME_STATUSES } from './programme.tables.js';
import { eventDate } from './programme.views.js';

test('the life-cycle graph: one step forward, back to draft only from consultation and ex-ante, nothing out of closed', () => {
  const legal = PROGRAMME_STATUSES.flatMap((from) =>
    PROGRAMME_STATUSES.filter((to) => isLegalTransition(from, to)).map((to) => `${from}>${to}`),
  );
  assert.deepEqual(
    legal.sort(),
    [
      'adopted>implementation',
      'consultation>draft',
      'consultation>ex_ante',
      'draft>consultation',
      'ex_ante>adopted',
      'ex_ante>draft',
      'implementation>closed',
    ].sort(),
  );
  assert.deepEqual(TRANSITIONS.closed, []);
});

test('addresses from Polish titles', () => {
  assert.equal(
    slugify('Kujawsko-Pomorski Program na Rzecz Ekonomii Społecznej do roku 2020'),
    'kujawsko-pomorski-program-na-rzecz-ekonomii-spolecznej-do-roku-2020',
  );
  assert.equal(slugify('  Łódź — „żółć” 2025–2030!  '), 'lodz-zolc-2025-2030');
  assert.equal(slugify('x'.repeat(100)).length, 80);
});

test('dates are shown as precisely as they are known', () => {
  const pl = formatters('pl');
  const en = formatters('en');
  assert.equal(eventDate(pl, '2014-06-10', 'day'), '10 czerwca 2014');
  assert.equal(eventDate(en, '2014-06-10', 'day'), '10 June 2014');
  assert.equal(eventDate(pl, '2013-03-07', 'month'), 'marzec 2013');
  assert.equal(eventDate(pl, '2013-03-07', 'year'), '2013');
});

test('the timeline orders by day, then by the order events were recorded', () => {
  const e = (id: string, status: 'draft' | 'consultation' | 'ex_ante', on: string, created: string) => ({
    id,
    programme_id: 'p',
    status,
    occurred_on: on,
    date_precision: 'day' as const,
    note: null,
    user_id: null,
    created_at: created,
  });
  const sorted = timeline([
    e('3', 'ex_ante', '2013-03-07', '2026-01-01T00:00:00.002Z'),
    e('2', 'consultation', '2013-03-07', '2026-01-01T00:00:00.001Z'),
    e('1', 'draft', '2012-03-21', '2026-01-01T00:00:00.003Z'),
  ]);
  assert.deepEqual(
    sorted.map((x) => x.status),
    ['draft', 'consultation', 'ex_ante'],
  );
});
