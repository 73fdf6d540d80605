// Type helpers that turn the Polish source object into the shape every translation must have and
// into the union of valid keys, so `t('site.nmae')` is a compile error.

export type TranslationShape<T> = { [K in keyof T]: T[K] extends string ? string : TranslationShape<T[K]> };

type PluralSuffix = '_one' | '_few' | '_many' | '_other';
type StripPlural<K extends string> = K extends `${infer B}${PluralSuffix}` ? B : K;

type Paths<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${StripPlural<K>}` : Paths<T[K], `${P}${K}.`>;
}[keyof T & string];

export type TKeyOf<T> = Paths<T>;
