// Colours and classes of the maps. Every fill keeps at least 3:1 contrast with the dark border
// drawn between gminy (WCAG 1.4.11), "no data" is a hatch pattern rather than a colour, and the
// classes are labelled with the real range of values in them, so nothing depends on telling two
// colours apart (the legend's text and the data table carry the same information).

export const BORDER = '#1b1b1b';
/** Light to dark blue; the darkest still has > 3:1 against the border colour. */
export const SEQUENTIAL = ['#eef4fa', '#c6dbef', '#93c0e0', '#5c9fd0', '#2f6fa8'] as const;
/** Qualitative, all light (subregions); cycles when there are more categories. */
export const CATEGORICAL = ['#a6cee3', '#fdbf6f', '#b2df8a', '#cab2d6', '#fb9a99', '#8dd3c7', '#ffff99', '#d9d9d9'] as const;
export const WHITE_SPOT = '#e66101';
export const HIGH_NEED = '#fdb863';
/** High needs, and entities there whose activity nobody has checked: not known to be a white spot. */
export const HIGH_NEED_UNCHECKED = '#fee0b6';
export const OTHER = '#f2f2f2';
/** Lines of the "no data" hatch on white. */
export const HATCH_LINE = '#595959';

export interface NumericClass {
  min: number;
  max: number;
  fill: string;
  count: number;
}

/** WCAG relative luminance of `#rrggbb`. */
export function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5]
    .map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
    .map((v) => (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

function spread(palette: readonly string[], n: number): string[] {
  if (n === 1) return [palette[Math.floor(palette.length / 2)]!];
  return Array.from({ length: n }, (_, i) => palette[Math.round((i * (palette.length - 1)) / (n - 1))]!);
}

/**
 * Up to five classes. Few distinct values get one class each; otherwise classes hold about the
 * same number of gminy (quantiles), never splitting equal values. For counts, 0 gets a class of
 * its own: "no entity here" is exactly what a coordinator looks for.
 */
export function classify(values: readonly number[], opts: { zeroClass: boolean; maxClasses?: number }): NumericClass[] {
  const k = opts.maxClasses ?? SEQUENTIAL.length;
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  const groups: number[][] = [];
  let rest = sorted;
  if (opts.zeroClass && sorted[0] === 0) {
    groups.push(sorted.filter((v) => v === 0));
    rest = sorted.filter((v) => v !== 0);
  }
  const slots = k - groups.length;
  const distinct = [...new Set(rest)];
  if (distinct.length <= slots) {
    for (const d of distinct) groups.push(rest.filter((v) => v === d));
  } else {
    let start = 0;
    for (let i = 1; i <= slots && start < rest.length; i += 1) {
      let end = i === slots ? rest.length : Math.max(start + 1, Math.round((i * rest.length) / slots));
      while (end < rest.length && rest[end] === rest[end - 1]) end += 1;
      groups.push(rest.slice(start, end));
      start = end;
    }
  }
  const fills = spread(SEQUENTIAL, groups.length);
  return groups.map((g, i) => ({ min: g[0]!, max: g[g.length - 1]!, fill: fills[i]!, count: g.length }));
}

/** The class a value falls in (classes are ordered and cover every classified value). */
export function classOf(classes: readonly NumericClass[], value: number): NumericClass | undefined {
  return classes.find((c) => value <= c.max) ?? classes[classes.length - 1];
}
