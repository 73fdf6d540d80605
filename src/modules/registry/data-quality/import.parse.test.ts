// The columns of the entity import: header aliases in Polish and English and --map options (the
// file itself is read by core/csv, tested there).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { initialMapping, parseMapOptions, recogniseHeader, unknownOverrides } from './import.parse.js';

test('header aliases: Polish and English, any case, with or without diacritics and underscores', () => {
  const cases: [string, string | null][] = [
    ['Nazwa', 'name'],
    ['NAME', 'name'],
    ['skrót', 'short_name'],
    ['short_name', 'short_name'],
    ['Forma prawna', 'legal_form'],
    ['FORMA_PRAWNA', 'legal_form'],
    ['legal form', 'legal_form'],
    ['NIP', 'nip'],
    ['Regon', 'regon'],
    ['Nr KRS', 'krs'],
    ['TERYT', 'gmina_teryt'],
    ['gmina_teryt', 'gmina_teryt'],
    ['Miejscowość', 'town'],
    ['town', 'town'],
    ['Adres', 'address'],
    ['E-mail', 'email'],
    ['telefon', 'phone'],
    ['WWW', 'website'],
    ['website', 'website'],
    ['Opis', 'description'],
    ['sektory', 'sectors'],
    ['data_rejestracji', 'registration_date'],
    ['Ulubiony kolor', null],
  ];
  for (const [header, field] of cases) assert.equal(recogniseHeader(header), field, header);
});

test('--map options override recognition, "-" skips a column, mistakes are reported', () => {
  const headers = ['Pełna nazwa podmiotu', 'NIP', 'Uwagi'];
  const { overrides, errors } = parseMapOptions(['Pełna nazwa podmiotu=name', 'nip=-', 'kolumna=nie_ma_pola', 'bez-znaku']);
  assert.equal(errors.length, 2);
  assert.match(errors[0]!, /unknown field "nie_ma_pola"/);
  assert.match(errors[1]!, /expected HEADER=FIELD/);
  assert.deepEqual(initialMapping(headers, overrides), ['name', null, null]);
  assert.deepEqual(initialMapping(headers), [null, 'nip', null]);
  assert.deepEqual(unknownOverrides(headers, parseMapOptions(['Nazwaa=name']).overrides), ['nazwaa']);
});
