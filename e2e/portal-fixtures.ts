// Content the portal's page templates need before a visit (a page, a news item with an image, a
// document with two versions, the institution's e-mail so the contact form is on), created once
// per test server through the services, as an editor would.
import {
  addFileVersion,
  createDocument,
  createNews,
  createPage,
  docx,
  PDF,
  PNG,
  restoreVersion,
  updatePage,
} from '../src/modules/portal/testing.js';
import { getInstitution } from '../src/modules/site/index.js';
import type { Server } from './support.js';

export interface PortalFixtures {
  pageId: string;
  newsId: string;
  documentId: string;
}

const DONE = new WeakMap<Server, Promise<PortalFixtures>>();
const SYSTEM = { actorId: null, ip: null, requestId: null };

async function create(server: Server): Promise<PortalFixtures> {
  const ctx = server.testApp.ctx;
  await ctx.settings.set('site.institution', { ...(await getInstitution(ctx)), email: 'kontakt@rops.example.pl', phone: '56 000 00 00' });
  const pageId = await createPage(
    ctx,
    {
      title_pl: 'O programie',
      slug: 'o-programie',
      body_pl: '## Cele programu\n\nWspieramy **ekonomię społeczną**.\n\n### Zespół\n\nSkład zespołu.',
      is_published: '1',
    },
    SYSTEM,
  );
  await createPage(
    ctx,
    {
      title_pl: 'Zespół ekspercki',
      parent_id: pageId,
      body_pl: 'Skład zespołu.',
      is_published: '1',
      title_en: 'Expert team',
      body_en: 'Members.',
    },
    SYSTEM,
  );
  await updatePage(
    ctx,
    pageId,
    {
      title_pl: 'O programie',
      slug: 'o-programie',
      body_pl: '## Cele programu\n\nWspieramy rozwój **ekonomii społecznej** w regionie.',
      is_published: '1',
    },
    SYSTEM,
  );
  await restoreVersion(ctx, 'page', pageId, 1, SYSTEM);
  const newsId = await createNews(
    ctx,
    {
      title_pl: 'Konferencja ekonomii społecznej',
      slug: 'konferencja',
      category: 'wydarzenia',
      lead_pl: 'Zapraszamy na konferencję w Toruniu.',
      body_pl: '## Program\n\nSzczegóły wkrótce.',
      image_alt_pl: 'Sala konferencyjna',
      is_published: '1',
    },
    { filename: 'sala.png', data: PNG, truncated: false },
    SYSTEM,
  );
  const documentId = await createDocument(
    ctx,
    {
      title_pl: 'Sprawozdanie z realizacji programu',
      category: 'raporty',
      doc_date: '2015-03-31',
      label_pl: 'projekt',
      version_date: '2015-02-01',
      is_published: '1',
      is_accessible: '1',
    },
    { filename: 'sprawozdanie.pdf', data: PDF, truncated: false },
    SYSTEM,
  );
  await addFileVersion(
    ctx,
    documentId,
    { label_pl: 'tekst przyjęty', version_date: '2015-03-31' },
    { filename: 'sprawozdanie-przyjete.docx', data: await docx(), truncated: false },
    SYSTEM,
  );
  return { pageId, newsId, documentId };
}

export function portalFixtures(server: Server): Promise<PortalFixtures> {
  let p = DONE.get(server);
  if (!p) {
    p = create(server);
    DONE.set(server, p);
  }
  return p;
}
