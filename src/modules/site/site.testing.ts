// The site module's test surface for e2e/: an example logo set as an administrator would, so the
// browser suite sees the header and the institution's page with a logo.
import type { ModuleContext } from '../../core/module.js';
import { setLogo } from './logo.service.js';

/** Sets a generated 360 × 100 PNG as the institution's logo (labelled as an example in its alternative text). */
export async function setExampleLogo(ctx: ModuleContext): Promise<void> {
  const { default: sharp } = await import('sharp');
  const svg = Buffer.from(
    '<svg xmlns="http://www.w3.org/2000/svg" width="360" height="100"><rect width="360" height="100" fill="#ffffff"/>' +
      '<rect x="8" y="8" width="84" height="84" rx="12" fill="#0b4f6c"/><rect x="108" y="30" width="230" height="16" fill="#0b4f6c"/>' +
      '<rect x="108" y="58" width="160" height="12" fill="#4a4a4a"/></svg>',
  );
  // drawn from shapes by the image library here: the upload itself accepts PNG, JPEG and WebP only
  const data = await sharp(svg).png().toBuffer();
  await setLogo(
    ctx,
    { filename: 'przykladowe-logo.png', data, truncated: false },
    { logo_alt: 'Przykładowe logo instytucji' },
    {
      actorId: null,
      ip: null,
      requestId: null,
    },
  );
}
