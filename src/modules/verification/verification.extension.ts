// The extension point of verifiable documents: a module that issues documents (event certificates,
// licences, marks) contributes a kind under `verificationKinds`; the verification module answers
// `/weryfikacja/{kind}/{number}` for it without importing the issuer. The issuer looks its number
// up and says what may be published about the document.
import type { ModuleContext } from '../../core/module.js';
import type { TKey } from '../../i18n/index.js';

export type VerificationStatus = 'valid' | 'expired' | 'withdrawn';

/** What the verification page and API publish about one document. */
export interface VerifiedDocument {
  status: VerificationStatus;
  /** What the document certifies, e.g. "udział w wydarzeniu „Forum…”". */
  title: string;
  /** The holder's name as printed on the document (null when erased after the retention period). */
  holder: string | null;
  issuer: string;
  issuedAt: string;
  validUntil: string | null;
  /** Further facts printed on the document, label (i18n key) and value. */
  facts: { labelKey: TKey; value: string }[];
}

export interface VerificationKind {
  /** The path segment, e.g. `udzial-w-wydarzeniu`; unique across modules. */
  kind: string;
  /** Name of the kind of document, e.g. "Zaświadczenie o udziale w wydarzeniu". */
  labelKey: TKey;
  /** The document of this number, or null when there is none (answered as "unknown", 404). */
  lookup(ctx: ModuleContext, number: string): Promise<VerifiedDocument | null>;
}

declare module '../../core/module.js' {
  interface ModuleContributions {
    /** Kinds of verifiable documents (verification). */
    verificationKinds: VerificationKind;
  }
}

export function verificationKind(ctx: ModuleContext, kind: string): VerificationKind | undefined {
  return ctx.contributions.of('verificationKinds').find((k) => k.kind === kind);
}
