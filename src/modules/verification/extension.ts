// The verifiable documents' extension point: a module that issues numbered documents (licences,
// certificates of attendance) registers a kind under `verifiableKinds` in its AppModule's
// `contributes`, with a lookup from a number to the document's state and the facts to show. The
// verification page reads the kinds from the app it runs in, so it never imports the issuing modules.
import type { ModuleContext } from '../../core/module.js';
import type { TKey } from '../../i18n/index.js';

export const VERIFIED_STATES = ['valid', 'expired', 'not_yet_valid', 'withdrawn', 'suspended', 'undetermined'] as const;
/** `undetermined`: the document exists but the data do not say whether it is in force (unknown dates). */
export type VerifiedState = (typeof VERIFIED_STATES)[number];

export interface VerifiedField {
  labelKey: TKey;
  /** Shown as is (dates as `YYYY-MM-DD`). */
  value: string;
  /** The value is Polish text (a product's name): marked lang="pl" on English pages. */
  isPolish?: boolean;
}

export interface VerifiedDocument {
  number: string;
  state: VerifiedState;
  fields: VerifiedField[];
  /** Demonstration data: the page and the JSON say so. */
  isExample: boolean;
}

export interface VerifiableKind {
  /** The path segment, e.g. `zakup-prospoleczny`; unique among the kinds. */
  kind: string;
  /** Name of the kind of document ("Licencja na znak „Zakup Prospołeczny”"). */
  titleKey: TKey;
  /** The document numbered `number`, or null when there is none. */
  lookup(ctx: ModuleContext, number: string): Promise<VerifiedDocument | null>;
}

declare module '../../core/module.js' {
  interface ModuleContributions {
    /** Kinds of numbered documents verifiable at `/weryfikacja/{kind}/{number}` (verification). */
    verifiableKinds: VerifiableKind;
  }
}

/** The kind registered under `kind` in this app, if any. */
export function verifiableKind(ctx: ModuleContext, kind: string): VerifiableKind | undefined {
  return [...ctx.contributions.of('verifiableKinds')].find((k) => k.kind === kind);
}
