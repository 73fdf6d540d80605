// The entity page's extension point: a section contributed by another module appears on the
// public page after the entity's facts, receives the entity it is rendered for, and a section that
// returns null leaves no trace (no empty heading).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { MODULES } from '../../../app.js';
import type { AppModule } from '../../../core/module.js';
import { createTestApp, type TestApp } from '../../../testing/app.js';
import type { EntityPageSubject } from './entity-page.extensions.js';
import { checkEntityForm, createEntity, entityPath } from './registry.service.js';

let t: TestApp;
const seen: EntityPageSubject[] = [];

const contributor: AppModule = {
  name: 'entity-page-test',
  contributes: {
    entityPageSections: [
      {
        id: 'test-offers',
        order: 10,
        async render(_ctx, _request, entity) {
          seen.push(entity);
          return (
            <section>
              <h2>Oferta testowa</h2>
              <p>Oferta podmiotu {entity.name}</p>
            </section>
          );
        },
      },
      { id: 'test-empty', order: 20, render: async () => null },
    ],
  },
};

let path: string;

before(async () => {
  t = await createTestApp({ modules: [...MODULES, contributor] });
  const input = await checkEntityForm(
    t.ctx,
    {
      name: 'Spółdzielnia Socjalna Sekcyjna',
      legal_form: 'spoldzielnia_socjalna',
      lifecycle: 'active',
      gmina_teryt: '0463011',
      town: 'Toruń',
    },
    null,
  );
  const id = await createEntity(t.ctx, input, { actorId: null, ip: null, requestId: null });
  path = entityPath({ id, name: 'Spółdzielnia Socjalna Sekcyjna' });
});
after(async () => t.close());

test('a contributed section is rendered for the entity, after its facts and before the source', async () => {
  const res = await t.app.inject({ url: path });
  assert.equal(res.statusCode, 200, res.body);
  const html = res.body;
  assert.match(html, /<h2>Oferta testowa<\/h2>\s*<p>Oferta podmiotu Spółdzielnia Socjalna Sekcyjna<\/p>/);
  assert.ok(html.indexOf('Oferta testowa') < html.lastIndexOf('<h2>'), 'the source heading comes after the section');
  assert.equal(seen.at(-1)?.gminaTeryt, '0463011');
  assert.equal(html.match(/<h1[\s>]/g)?.length, 1);
});
