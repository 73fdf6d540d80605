// `npm run screens`: the screenshots under docs/screens/ that show what a visitor sees first on the
// main pages (home, catalogue, an entity, the map, a consultation, contact, the programme and the staff
// registry), at 1280 px (a desktop) and 390 px (a phone). The pages come from a throw-away database
// with the demo seed (`spojnia seed demo`, every figure labelled as example data) and a consultation
// made by the test helper; the browser is the browser suite's, so nothing leaves the machine.
// Regenerate after changing a layout and commit the images with the change.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { seedDemo } from '../src/bootstrap.js';
import { makeConsultation } from '../src/modules/consultations/consultations.testing.js';
import { entityPath } from '../src/modules/registry/index.js';
import { loginAs } from '../src/testing/app.js';
import { launchBrowser, startServer } from './support.js';

const OUT = join(import.meta.dirname, '..', 'docs', 'screens');
const WIDTHS = [
  { name: 'desktop', width: 1280, height: 900 },
  { name: 'phone', width: 390, height: 844 },
] as const;

const server = await startServer();
const browser = await launchBrowser();
try {
  const ctx = server.testApp.ctx;
  await seedDemo(ctx);
  const entity = await ctx.db.selectFrom('entities').select(['id', 'name']).orderBy('name').executeTakeFirstOrThrow();
  const consultation = await makeConsultation(ctx, { startsIn: -24, endsIn: 24 * 14 });
  const staff = await loginAs(server.testApp, [{ role: 'coordinator' }]);
  const screens: { file: string; path: string; staff?: boolean; title: string }[] = [
    { file: 'home', path: '/', title: 'Strona główna' },
    { file: 'catalogue', path: '/podmioty', title: 'Katalog podmiotów' },
    { file: 'entity', path: entityPath(entity), title: 'Strona podmiotu' },
    { file: 'map', path: '/podmioty/mapa', title: 'Mapa podmiotów' },
    { file: 'consultation', path: `/konsultacje/${consultation}`, title: 'Konsultacje' },
    { file: 'contact', path: '/kontakt', title: 'Kontakt' },
    { file: 'programme', path: '/program', title: 'Program' },
    { file: 'staff-registry', path: '/admin/podmioty', staff: true, title: 'Rejestr (pracownicy)' },
  ];
  mkdirSync(OUT, { recursive: true });
  const index: string[] = [
    '# Screenshots',
    '',
    'What a visitor sees first on the main pages, at 1280 px and 390 px, on the demo data (`npm run screens`',
    'regenerates them; see `e2e/screens.ts`).',
    '',
    '| page | address | 1280 px | 390 px |',
    '| --- | --- | --- | --- |',
  ];
  for (const s of screens) {
    const cells: string[] = [];
    for (const w of WIDTHS) {
      const context = await browser.newContext({
        locale: 'pl-PL',
        timezoneId: 'Europe/Warsaw',
        viewport: { width: w.width, height: w.height },
      });
      if (s.staff) {
        const [name, ...value] = staff.cookie.split('=');
        await context.addCookies([{ name: name!, value: value.join('='), url: server.baseUrl }]);
      }
      const page = await context.newPage();
      const res = await page.goto(`${server.baseUrl}${s.path}`);
      if (res?.status() !== 200) throw new Error(`${s.path} answered ${res?.status()}`);
      const file = `${s.file}-${w.width}.png`;
      writeFileSync(join(OUT, file), await page.screenshot({ type: 'png' }));
      cells.push(`[${w.name}](${file})`);
      await context.close();
    }
    index.push(
      `| ${s.title} | \`${s.path.startsWith('/konsultacje/') ? '/konsultacje/…' : s.path.replace(entityPath(entity), '/podmioty/…')}\` | ${cells.join(' | ')} |`,
    );
  }
  writeFileSync(join(OUT, 'README.md'), `${index.join('\n')}\n`);
  console.log(`${screens.length * WIDTHS.length} screenshots in ${OUT}`);
} finally {
  await browser.close();
  await server.close();
}
