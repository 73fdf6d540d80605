// Rules of the representatives' self-service without HTTP: which entities a person's roles name,
// how the profile form is read (sectors cleaned and de-duplicated, contact checked), and the
// addresses of proposal kinds.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkProfileForm, kindOfSlug, KIND_SLUGS, MAX_SECTORS, representedIds } from './representative.service.js';
import { PROPOSAL_KINDS } from './claims.tables.js';

const problemsOf = (fn: () => unknown): string[] => {
  try {
    fn();
    return [];
  } catch (err) {
    return (err as { problems: { field: string; key: string }[] }).problems.map((p) => `${p.field}:${p.key}`);
  }
};

test('only entity-scoped representative roles name represented entities', () => {
  const roles = [
    { role: 'entity_representative', scopeType: 'entity', scopeId: 'A' },
    { role: 'entity_representative', scopeType: 'team', scopeId: 'B' },
    { role: 'team_member', scopeType: 'entity', scopeId: 'C' },
    { role: 'entity_representative', scopeType: 'entity', scopeId: null },
    { role: 'coordinator', scopeType: null, scopeId: null },
  ];
  assert.deepEqual(representedIds({ id: 'u', displayName: 'u', email: 'u@example.pl', roles }), ['A']);
});

test('the profile form: empty fields become null, sectors are trimmed and repeats dropped', () => {
  const input = checkProfileForm({
    description: '  ',
    email: '',
    phone: '+48 (56) 123-45-67',
    website: 'https://example.pl/o-nas',
    sectors: ' Catering \n\nUSŁUGI  opiekuńcze\ncatering\nusługi opiekuńcze',
  });
  assert.deepEqual(input, {
    description: null,
    email: null,
    phone: '+48 (56) 123-45-67',
    website: 'https://example.pl/o-nas',
    sectors: ['Catering', 'USŁUGI opiekuńcze'],
  });
});

test('the profile form refuses bad contact data and too many sectors, all at once', () => {
  const many = Array.from({ length: MAX_SECTORS + 1 }, (_, i) => `branża ${i}`).join('\n');
  assert.deepEqual(
    problemsOf(() =>
      checkProfileForm({ email: 'biuro(at)example.pl', phone: 'zadzwoń do nas', website: 'javascript:alert(1)', sectors: many }),
    ),
    ['email:validation.email', 'phone:claims.invalid.phone', 'website:claims.invalid.url', 'sectors:claims.invalid.tooManySectors'],
  );
  assert.deepEqual(
    problemsOf(() => checkProfileForm({ sectors: 'x'.repeat(81) })),
    ['sectors:claims.invalid.sectorTooLong'],
  );
});

test('every proposal kind has a Polish address segment that maps back to it', () => {
  for (const kind of PROPOSAL_KINDS) assert.equal(kindOfSlug(KIND_SLUGS[kind]), kind);
  assert.equal(kindOfSlug('identifiers'), null);
  assert.equal(kindOfSlug('__proto__'), null);
});
