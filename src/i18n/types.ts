// Type helpers that turn the Polish source object into the shape every translation must have and
// into the union of valid keys, so `t('site.nmae')` is a compile error.

type PluralSuffix = '_one' | '_few' | '_many' | '_other';

// English has only `one` and `other` (Intl.PluralRules('en')), so a translation may leave out the
// Polish-only `_few`/`_many` forms of a plural family; every other key, `_one` and `_other` included,
// stays required.
type PolishOnly = `${string}_few` | `${string}_many`;
export type TranslationShape<T> = {
  [K in keyof T as K extends PolishOnly ? (T[K] extends string ? never : K) : K]: T[K] extends string ? string : TranslationShape<T[K]>;
} & {
  [K in keyof T as K extends PolishOnly ? (T[K] extends string ? K : never) : never]?: string;
};
type StripPlural<K extends string> = K extends `${infer B}${PluralSuffix}` ? B : K;

type Paths<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${StripPlural<K>}` : Paths<T[K], `${P}${K}.`>;
}[keyof T & string];

export type TKeyOf<T> = Paths<T>;
