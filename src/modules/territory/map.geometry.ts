// Turns the stored boundaries (GeoJSON, WGS84) into SVG path data for the maps, once: a conic
// equal-area projection fitted to the voivodeship, Douglas–Peucker simplification to half a pixel
// and coordinates in tenths of a pixel, written as relative moves. That keeps the full map of 144
// gminy well under 300 KB; the 23 powiaty at the same size are a layer of their own for maps shaded
// per powiat. The labels of the main towns (see `townLabels`) and every unit's bounds (for a view
// zoomed to a powiat, `focusView`) are computed with them. Boundaries change only when reference
// data is reloaded, so the result is cached per database and dropped by `forgetMapGeometry()`
// after a reload.
import { geoArea, geoConicEqualArea, geoPath, type GeoProjection } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import type { Db } from '../../core/db/database.js';
import { listBoundaries } from './territory.repo.js';
import { isCityPowiat } from './units.js';

export const MAIN_WIDTH = 800;
export const LOCATOR_WIDTH = 280;
const MAIN_EPSILON = 0.5;
const LOCATOR_EPSILON = 0.6;

export interface Projected {
  width: number;
  height: number;
  /** TERYT → SVG path data. */
  paths: Map<string, string>;
  /** TERYT → [x, y] of the area's centre (for markers). */
  centres: Map<string, [number, number]>;
  /** TERYT → [x0, y0, x1, y1], the area's bounding box (for a view zoomed to it). */
  bounds: Map<string, [number, number, number, number]>;
}

/** A town's name drawn on the full map at its gmina's centre. */
export interface TownLabel {
  teryt: string;
  name: string;
  x: number;
  y: number;
  /** A city with powiat rights: drawn larger, and kept on narrow screens. */
  major: boolean;
  /** Where the name stands against the town's dot. */
  side: 'above' | 'below' | 'right' | 'left';
}

/** The part of the full map an SVG `viewBox` shows. */
export interface MapView {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface MapGeometry {
  /** Gminy at the full map's size. */
  gminy: Projected;
  /** Powiaty at the full map's size (a map shaded per powiat draws these instead of the gminy). */
  powiaty: Projected;
  /** Every powiat outline at the full map's size, as one path. */
  powiatBorders: string;
  /** Names of the main towns on the full map (see `townLabels`). */
  towns: TownLabel[];
  /** Powiaty and gminy at the locator's size. */
  locator: {
    width: number;
    height: number;
    powiaty: Projected;
    gminy: Projected;
    powiatOutlines: string;
    /** WGS84 longitude/latitude → [x, y] on the locator (tenths of a pixel); null outside the picture. */
    point: (lon: number, lat: number) => [number, number] | null;
  };
}

type AreaFeature = Feature<Polygon | MultiPolygon, { teryt: string; name?: string }>;

/**
 * d3-geo follows the spherical convention (exterior rings clockwise), GeoJSON (RFC 7946) the
 * opposite; a ring read the wrong way round means "the whole globe except this gmina". Reversing
 * every ring of a feature whose area exceeds a hemisphere fixes either convention.
 */
export function rewind(feature: AreaFeature): AreaFeature {
  if (geoArea(feature) <= 2 * Math.PI) return feature;
  const reverse = (rings: Position[][]) => rings.map((r) => [...r].reverse());
  const g = feature.geometry;
  const geometry: Polygon | MultiPolygon =
    g.type === 'Polygon'
      ? { type: 'Polygon', coordinates: reverse(g.coordinates) }
      : { type: 'MultiPolygon', coordinates: g.coordinates.map(reverse) };
  return { ...feature, geometry };
}

/** Douglas–Peucker on an open polyline; first and last points are always kept. */
function simplifyLine(points: [number, number][], epsilon: number): [number, number][] {
  const n = points.length;
  if (n < 3) return points;
  const keep = new Uint8Array(n);
  keep[0] = 1;
  keep[n - 1] = 1;
  const stack: [number, number][] = [[0, n - 1]];
  while (stack.length > 0) {
    const [a, b] = stack.pop()!;
    const [ax, ay] = points[a]!;
    const [bx, by] = points[b]!;
    const dx = bx - ax;
    const dy = by - ay;
    const len = Math.hypot(dx, dy);
    let worst = -1;
    let at = -1;
    for (let i = a + 1; i < b; i += 1) {
      const [px, py] = points[i]!;
      const d = len === 0 ? Math.hypot(px - ax, py - ay) : Math.abs(dy * (px - ax) - dx * (py - ay)) / len;
      if (d > worst) {
        worst = d;
        at = i;
      }
    }
    if (worst > epsilon) {
      keep[at] = 1;
      stack.push([a, at], [at, b]);
    }
  }
  return points.filter((_, i) => keep[i] === 1);
}

/** A closed ring split at its farthest point from the start, so both halves simplify well. */
function simplifyRing(ring: [number, number][], epsilon: number): [number, number][] {
  if (ring.length < 4) return ring;
  const [x0, y0] = ring[0]!;
  let far = 0;
  let farDistance = -1;
  ring.forEach(([x, y], i) => {
    const d = Math.hypot(x - x0, y - y0);
    if (d > farDistance) {
      farDistance = d;
      far = i;
    }
  });
  const first = simplifyLine(ring.slice(0, far + 1), epsilon);
  const second = simplifyLine([...ring.slice(far), ring[0]!], epsilon);
  const out = [...first, ...second.slice(1, -1)];
  return out.length >= 3 ? out : ring;
}

/** Tenths of a pixel without a trailing `.0`; a sign doubles as the separator. */
function num(tenths: number, first: boolean): string {
  const s = String(tenths / 10);
  return first || tenths < 0 ? s : ` ${s}`;
}

/** Rings (already projected) → `M x,y l dx dy … z` with coordinates in tenths of a pixel. */
export function ringsToPath(rings: [number, number][][], epsilon: number): string {
  let d = '';
  for (const ring of rings) {
    const simplified = simplifyRing(ring, epsilon);
    const pts: [number, number][] = [];
    for (const [x, y] of simplified) {
      const p: [number, number] = [Math.round(x * 10), Math.round(y * 10)];
      const last = pts[pts.length - 1];
      if (!last || last[0] !== p[0] || last[1] !== p[1]) pts.push(p);
    }
    if (pts.length > 1 && pts[0]![0] === pts[pts.length - 1]![0] && pts[0]![1] === pts[pts.length - 1]![1]) pts.pop();
    if (pts.length < 3) continue;
    d += `M${num(pts[0]![0], true)},${num(pts[0]![1], true)}l`;
    for (let i = 1; i < pts.length; i += 1) {
      d += num(pts[i]![0] - pts[i - 1]![0], i === 1) + num(pts[i]![1] - pts[i - 1]![1], false);
    }
    d += 'z';
  }
  return d;
}

function projectedRings(projection: GeoProjection, feature: AreaFeature): [number, number][][] {
  const rings: [number, number][][] = [];
  let current: [number, number][] = [];
  const context = {
    beginPath() {},
    moveTo(x: number, y: number) {
      current = [[x, y]];
      rings.push(current);
    },
    lineTo(x: number, y: number) {
      current.push([x, y]);
    },
    closePath() {},
    arc() {},
  };
  geoPath(projection, context)(feature);
  return rings;
}

function project(features: AreaFeature[], projection: GeoProjection, epsilon: number, size: { width: number; height: number }): Projected {
  const path = geoPath(projection);
  const paths = new Map<string, string>();
  const centres = new Map<string, [number, number]>();
  const bounds = new Map<string, [number, number, number, number]>();
  const r = (v: number) => Math.round(v * 10) / 10;
  for (const f of features) {
    paths.set(f.properties.teryt, ringsToPath(projectedRings(projection, f), epsilon));
    const [cx, cy] = path.centroid(f);
    centres.set(f.properties.teryt, [r(cx), r(cy)]);
    const [[x0, y0], [x1, y1]] = path.bounds(f);
    bounds.set(f.properties.teryt, [r(x0), r(y0), r(x1), r(y1)]);
  }
  return { ...size, paths, centres, bounds };
}

/** A projection fitted to the width; the height follows from the region's shape. */
function fitted(
  region: FeatureCollection<Polygon | MultiPolygon, { teryt: string }>,
  width: number,
  margin: number,
): { projection: GeoProjection; height: number } {
  const projection = geoConicEqualArea().parallels([52.3, 53.8]).rotate([-18.5, 0]).center([0, 53.05]);
  projection.fitWidth(width - 2 * margin, region);
  const [[x0, y0], [, y1]] = geoPath(projection).bounds(region);
  const [tx, ty] = projection.translate();
  projection.translate([tx - x0 + margin, ty - y0 + margin]);
  return { projection, height: Math.ceil(y1 - y0 + 2 * margin) };
}

function emptyProjected(width: number, height: number): Projected {
  return { width, height, paths: new Map(), centres: new Map(), bounds: new Map() };
}

/** Places with coordinates (e.g. an entity's places of activity) as markers on a map of this size. */
function pointOn(
  projection: GeoProjection,
  size: { width: number; height: number },
): (lon: number, lat: number) => [number, number] | null {
  return (lon, lat) => {
    if (!Number.isFinite(lon) || !Number.isFinite(lat)) return null;
    const p = projection([lon, lat]);
    if (!p) return null;
    const [x, y] = [Math.round(p[0] * 10) / 10, Math.round(p[1] * 10) / 10];
    return x >= 0 && x <= size.width && y >= 0 && y <= size.height ? [x, y] : null;
  };
}

// --- town labels -------------------------------------------------------------------------------

/**
 * The urban gminy (TERYT type 1) that are the seat of a land powiat. TERYT does not record seats;
 * these nine are the seats that are gminy of their own (the other ten land powiaty sit in a city
 * with powiat rights — bydgoski, grudziądzki, toruński, włocławski — or in an urban-rural gmina,
 * whose centre is not the town's: Mogilno, Nakło, Sępólno, Świecie, Tuchola, Żnin).
 */
export const POWIAT_SEAT_GMINY: ReadonlySet<string> = new Set([
  '0401011', // Aleksandrów Kujawski
  '0402011', // Brodnica
  '0404011', // Chełmno
  '0405011', // Golub-Dobrzyń
  '0407011', // Inowrocław
  '0408011', // Lipno
  '0411011', // Radziejów
  '0412011', // Rypin
  '0417011', // Wąbrzeźno
]);

/** Font sizes of the labels in the full map's units (its pixels at 800 px wide). */
export const TOWN_FONT = { major: 14, minor: 12 } as const;
/** Distance of a name from its town's dot, in the full map's units. */
const TOWN_GAP = 6;

type Box = [number, number, number, number];

function labelBox(x: number, y: number, text: string, size: number, side: TownLabel['side']): Box {
  // an estimate of the text's width (no font metrics on the server): 0.58 em per character
  const w = text.length * size * 0.58;
  const h = size;
  switch (side) {
    case 'above':
      return [x - w / 2, y - TOWN_GAP - h, x + w / 2, y - TOWN_GAP];
    case 'below':
      return [x - w / 2, y + TOWN_GAP, x + w / 2, y + TOWN_GAP + h];
    case 'right':
      return [x + TOWN_GAP, y - h / 2, x + TOWN_GAP + w, y + h / 2];
    case 'left':
      return [x - TOWN_GAP - w, y - h / 2, x - TOWN_GAP, y + h / 2];
  }
}

const overlaps = (a: Box, b: Box) => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];

/**
 * The main towns' names: the urban gminy that are a city with powiat rights or a powiat's seat
 * (`POWIAT_SEAT_GMINY`), 13 in all, at their gmina's centroid. The four cities are placed first;
 * each name takes the first side (above, below, right, left) where it overlaps no name placed
 * before and stays inside the picture, and is left out when there is none — so names never clutter.
 */
export function townLabels(gminy: readonly AreaFeature[], layer: Projected): TownLabel[] {
  const candidates = gminy
    .filter((f) => {
      const t = f.properties.teryt;
      return t.endsWith('1') && f.properties.name !== undefined && (isCityPowiat(t.slice(0, 4)) || POWIAT_SEAT_GMINY.has(t));
    })
    .map((f) => ({ teryt: f.properties.teryt, name: f.properties.name!, major: isCityPowiat(f.properties.teryt.slice(0, 4)) }))
    .sort((a, b) => Number(b.major) - Number(a.major) || (a.teryt < b.teryt ? -1 : 1));
  const placed: Box[] = [];
  const out: TownLabel[] = [];
  for (const c of candidates) {
    const centre = layer.centres.get(c.teryt);
    if (!centre) continue;
    const [x, y] = centre;
    const size = c.major ? TOWN_FONT.major : TOWN_FONT.minor;
    for (const side of ['above', 'below', 'right', 'left'] as const) {
      const box = labelBox(x, y, c.name, size, side);
      const inside = box[0] >= 0 && box[1] >= 0 && box[2] <= layer.width && box[3] <= layer.height;
      if (inside && !placed.some((p) => overlaps(p, box))) {
        placed.push(box);
        out.push({ ...c, x, y, side });
        break;
      }
    }
  }
  return out.sort((a, b) => (a.teryt < b.teryt ? -1 : 1));
}

// --- a view zoomed to some units ----------------------------------------------------------------

/**
 * The part of the full map showing these units (e.g. the chosen powiaty): their common bounds with
 * a margin of 8 % (at least 12 px), widened to the full map's proportions so the picture keeps its
 * size, and moved inside the map where it fits. Null when none of the units is on the map.
 */
export function focusView(layer: Pick<Projected, 'width' | 'height' | 'bounds'>, teryts: readonly string[]): MapView | null {
  const boxes = teryts.map((t) => layer.bounds.get(t)).filter((b): b is [number, number, number, number] => b !== undefined);
  if (boxes.length === 0) return null;
  const x0 = Math.min(...boxes.map((b) => b[0]));
  const y0 = Math.min(...boxes.map((b) => b[1]));
  const x1 = Math.max(...boxes.map((b) => b[2]));
  const y1 = Math.max(...boxes.map((b) => b[3]));
  const margin = Math.max(12, 0.08 * Math.max(x1 - x0, y1 - y0));
  let width = x1 - x0 + 2 * margin;
  let height = y1 - y0 + 2 * margin;
  const ratio = layer.width / layer.height;
  if (width / height < ratio) width = height * ratio;
  else height = width / ratio;
  if (width >= layer.width || height >= layer.height) return null;
  const clamp = (v: number, size: number, whole: number) => Math.min(Math.max(v, 0), whole - size);
  const x = clamp((x0 + x1) / 2 - width / 2, width, layer.width);
  const y = clamp((y0 + y1) / 2 - height / 2, height, layer.height);
  const r = (v: number) => Math.round(v * 10) / 10;
  return { x: r(x), y: r(y), width: r(width), height: r(height) };
}

export function buildGeometry(powiaty: AreaFeature[], gminy: AreaFeature[]): MapGeometry {
  if (powiaty.length === 0) {
    // no reference data loaded: pages still render, with an empty map
    const h = Math.round(MAIN_WIDTH * 0.9);
    const lh = Math.round(LOCATOR_WIDTH * 0.9);
    return {
      gminy: emptyProjected(MAIN_WIDTH, h),
      powiaty: emptyProjected(MAIN_WIDTH, h),
      powiatBorders: '',
      towns: [],
      locator: {
        width: LOCATOR_WIDTH,
        height: lh,
        powiaty: emptyProjected(LOCATOR_WIDTH, lh),
        gminy: emptyProjected(LOCATOR_WIDTH, lh),
        powiatOutlines: '',
        point: () => null,
      },
    };
  }
  const region: FeatureCollection<Polygon | MultiPolygon, { teryt: string }> = { type: 'FeatureCollection', features: powiaty };
  const main = fitted(region, MAIN_WIDTH, 6);
  const small = fitted(region, LOCATOR_WIDTH, 4);
  const mainSize = { width: MAIN_WIDTH, height: main.height };
  const smallSize = { width: LOCATOR_WIDTH, height: small.height };
  const mainPowiaty = project(powiaty, main.projection, MAIN_EPSILON, mainSize);
  const smallPowiaty = project(powiaty, small.projection, LOCATOR_EPSILON, smallSize);
  const mainGminy = project(gminy, main.projection, MAIN_EPSILON, mainSize);
  return {
    gminy: mainGminy,
    powiaty: mainPowiaty,
    powiatBorders: [...mainPowiaty.paths.values()].join(''),
    towns: townLabels(gminy, mainGminy),
    locator: {
      ...smallSize,
      powiaty: smallPowiaty,
      gminy: project(gminy, small.projection, LOCATOR_EPSILON, smallSize),
      powiatOutlines: [...smallPowiaty.paths.values()].join(''),
      point: pointOn(small.projection, smallSize),
    },
  };
}

const CACHE = new WeakMap<Db, Promise<MapGeometry>>();

function toFeatures(rows: { teryt: string; name: string; geometry: string }[]): AreaFeature[] {
  return rows.map((r) =>
    rewind({
      type: 'Feature',
      properties: { teryt: r.teryt, name: r.name },
      geometry: JSON.parse(r.geometry) as Geometry as Polygon | MultiPolygon,
    }),
  );
}

/** The projected boundaries for this database (computed on first use, then kept). */
export function mapGeometry(db: Db): Promise<MapGeometry> {
  let hit = CACHE.get(db);
  if (!hit) {
    hit = (async () => {
      const [powiaty, gminy] = await Promise.all([listBoundaries(db, 'powiat'), listBoundaries(db, 'gmina')]);
      return buildGeometry(toFeatures(powiaty), toFeatures(gminy));
    })();
    hit.catch(() => CACHE.delete(db));
    CACHE.set(db, hit);
  }
  return hit;
}

/** Called after the reference data (boundaries) was reloaded. */
export function forgetMapGeometry(db: Db): void {
  CACHE.delete(db);
}
