// The institution's logo in every page's header: an administrator uploads a PNG, JPEG or WebP (known
// by its bytes; SVG is refused, it can carry script), which is scaled down and stored as PNG with its
// alternative text; removing it brings back the site's name alone. The header reads it through a
// cache emptied by any write of the logo table.
import { cachedUntilWrite } from '../../core/db/write-cache.js';
import { nowIso } from '../../core/db/time.js';
import { sha256Hex, sniffFileType, type Upload } from '../../core/http/uploads.js';
import type { ModuleContext } from '../../core/module.js';
import type { HeaderLogo } from '../../core/ui/context.js';
import { FormChecker } from '../../core/validation.js';
import { AppError } from '../../core/errors/app-error.js';
import type { Lang } from '../../i18n/index.js';
import { recordAudit, type AuditEntry } from '../audit/index.js';
import * as repo from './site.repo.js';

type Actor = Pick<AuditEntry, 'actorId' | 'ip' | 'requestId'>;

/** The public address of the current logo; the header adds `?v=` with the content hash, so a new logo is fetched at once. */
export const LOGO_PATH = '/instytucja/logo';
export const MAX_LOGO_BYTES = 1024 * 1024;
export const LOGO_TYPES: readonly string[] = ['image/png', 'image/jpeg', 'image/webp'];
/** The largest stored image, in pixels (a larger upload is scaled down to fit, never up). */
export const LOGO_MAX_WIDTH = 400;
export const LOGO_MAX_HEIGHT = 120;
/** The largest size the header shows it at, in CSS pixels: the stored image stays sharp on dense screens and fits a 390 px phone. */
export const LOGO_SHOWN_WIDTH = 200;
export const LOGO_SHOWN_HEIGHT = 48;

export type { LogoHead } from './site.repo.js';

/** The logo without its bytes, or null when none is set (kept until the logo table is written, 30 s at most). */
export async function currentLogo(ctx: ModuleContext): Promise<repo.LogoHead | null> {
  return (await cachedUntilWrite(ctx, ['institution_logo'], 'logo', () => repo.findLogo(ctx.db))) ?? null;
}

/** The size the header shows a stored image at: scaled down to fit the header's box, its proportions kept. */
export function shownSize(width: number, height: number): { width: number; height: number } {
  const scale = Math.min(1, LOGO_SHOWN_WIDTH / width, LOGO_SHOWN_HEIGHT / height);
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/** What the page header shows: the logo linked to the home page, or null for the wordmark alone. */
export async function headerLogo(ctx: ModuleContext, lang: Lang): Promise<HeaderLogo | null> {
  const logo = await currentLogo(ctx);
  if (!logo) return null;
  return {
    src: `${LOGO_PATH}?v=${logo.sha256.slice(0, 16)}`,
    alt: logo.alt,
    // the alternative text is written in Polish (the institution's name)
    altLang: lang === 'pl' ? null : 'pl',
    ...shownSize(logo.width, logo.height),
  };
}

/**
 * Sets the logo from an upload and its alternative text: the file must be a PNG, JPEG or WebP by its
 * bytes, at most 1 MB; it is turned upright, scaled down to fit LOGO_MAX_WIDTH × LOGO_MAX_HEIGHT and
 * stored as PNG without metadata. Replaces the previous logo; recorded in the audit log.
 */
export async function setLogo(ctx: ModuleContext, file: Upload | null, fields: Record<string, string>, actor: Actor): Promise<void> {
  const f = new FormChecker(fields);
  const alt = f.required('logo_alt', 'institution.logo.alt', { max: 300, min: 2 });
  if (!file || file.data.length === 0) f.add('logo', 'institution.logo.file', 'validation.required');
  else if (file.truncated || file.data.length > MAX_LOGO_BYTES) f.add('logo', 'institution.logo.file', 'institution.logo.tooLarge');
  else {
    const type = await sniffFileType(file.data);
    if (!type || !LOGO_TYPES.includes(type.mime)) f.add('logo', 'institution.logo.file', 'institution.logo.type');
  }
  f.assertValid();
  const { default: sharp } = await import('sharp');
  let out: { data: Buffer; info: { width: number; height: number } };
  try {
    out = await sharp(file!.data, { limitInputPixels: 40_000_000 })
      .rotate()
      .resize({ width: LOGO_MAX_WIDTH, height: LOGO_MAX_HEIGHT, fit: 'inside', withoutEnlargement: true })
      .png({ compressionLevel: 9 })
      .toBuffer({ resolveWithObject: true });
  } catch {
    // the bytes start like an image but do not decode as one
    throw new AppError('http.validation', {}, [{ field: 'logo', label: 'institution.logo.file', key: 'institution.logo.type' }]);
  }
  const sha256 = sha256Hex(out.data);
  await ctx.db.transaction().execute(async (trx) => {
    const before = await repo.findLogo(trx);
    await repo.putLogo(trx, {
      content_type: 'image/png',
      data: out.data,
      byte_size: out.data.length,
      sha256,
      width: out.info.width,
      height: out.info.height,
      alt,
      created_by: actor.actorId,
      created_at: nowIso(ctx.clock),
    });
    await recordAudit(
      trx,
      {
        ...actor,
        action: before ? 'site.logo.replace' : 'site.logo.set',
        subjectType: 'institution',
        subjectId: null,
        meta: {
          sha256,
          width: out.info.width,
          height: out.info.height,
          bytes: out.data.length,
          alt,
          ...(before ? { previous: before.sha256 } : {}),
        },
      },
      ctx.clock,
    );
  });
}

/** Removes the logo (the header goes back to the site's name alone); false when none was set. */
export async function removeLogo(ctx: ModuleContext, actor: Actor): Promise<boolean> {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await repo.findLogo(trx);
    if (!before || (await repo.deleteLogo(trx)) === 0) return false;
    await recordAudit(
      trx,
      {
        ...actor,
        action: 'site.logo.remove',
        subjectType: 'institution',
        subjectId: null,
        meta: { sha256: before.sha256, alt: before.alt },
      },
      ctx.clock,
    );
    return true;
  });
}
