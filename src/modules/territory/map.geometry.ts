// Turns the stored boundaries (GeoJSON, WGS84) into SVG path data for the maps, once: a conic
// equal-area projection fitted to the voivodeship, Douglas–Peucker simplification to half a pixel
// and coordinates in tenths of a pixel, written as relative moves. That keeps the full map of 144
// gminy well under 300 KB; the 23 powiaty at the same size are a layer of their own for maps shaded
// per powiat. Boundaries change only when reference data is reloaded, so the result
// is cached per database and dropped by `forgetMapGeometry()` after a reload.
import { geoArea, geoConicEqualArea, geoPath, type GeoProjection } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import type { Db } from '../../core/db/database.js';
import { listBoundaries } from './territory.repo.js';

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
}

export interface MapGeometry {
  /** Gminy at the full map's size. */
  gminy: Projected;
  /** Powiaty at the full map's size (a map shaded per powiat draws these instead of the gminy). */
  powiaty: Projected;
  /** Every powiat outline at the full map's size, as one path. */
  powiatBorders: string;
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

type AreaFeature = Feature<Polygon | MultiPolygon, { teryt: string }>;

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
  for (const f of features) {
    paths.set(f.properties.teryt, ringsToPath(projectedRings(projection, f), epsilon));
    const [cx, cy] = path.centroid(f);
    centres.set(f.properties.teryt, [Math.round(cx * 10) / 10, Math.round(cy * 10) / 10]);
  }
  return { ...size, paths, centres };
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
  return { width, height, paths: new Map(), centres: new Map() };
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

export function buildGeometry(powiaty: AreaFeature[], gminy: AreaFeature[]): MapGeometry {
  if (powiaty.length === 0) {
    // no reference data loaded: pages still render, with an empty map
    const h = Math.round(MAIN_WIDTH * 0.9);
    const lh = Math.round(LOCATOR_WIDTH * 0.9);
    return {
      gminy: emptyProjected(MAIN_WIDTH, h),
      powiaty: emptyProjected(MAIN_WIDTH, h),
      powiatBorders: '',
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
  return {
    gminy: project(gminy, main.projection, MAIN_EPSILON, mainSize),
    powiaty: mainPowiaty,
    powiatBorders: [...mainPowiaty.paths.values()].join(''),
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

function toFeatures(rows: { teryt: string; geometry: string }[]): AreaFeature[] {
  return rows.map((r) =>
    rewind({ type: 'Feature', properties: { teryt: r.teryt }, geometry: JSON.parse(r.geometry) as Geometry as Polygon | MultiPolygon }),
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
