// PostgREST returns geography columns as hex EWKB and accepts EWKT text on write. The admin
// only needs points (read and write) and a summary of (multi)polygons, so this is a small
// reader rather than a GIS library in the bundle.

export interface GeoPoint {
  lng: number;
  lat: number;
}

export interface GeoAreaSummary {
  polygons: number;
  /** [west, south, east, north] */
  bbox: [number, number, number, number];
}

const WKB_POINT = 1;
const WKB_POLYGON = 3;
const WKB_MULTIPOLYGON = 6;
const EWKB_SRID_FLAG = 0x20000000;
const EWKB_Z_FLAG = 0x80000000;
const EWKB_M_FLAG = 0x40000000;

class WkbReader {
  private offset = 0;
  private little = true;
  constructor(private readonly view: DataView) {}

  header(): { type: number; dims: number } {
    this.little = this.view.getUint8(this.offset) === 1;
    this.offset += 1;
    const raw = this.view.getUint32(this.offset, this.little);
    this.offset += 4;
    if (raw & EWKB_SRID_FLAG) this.offset += 4;
    const dims = 2 + (raw & EWKB_Z_FLAG ? 1 : 0) + (raw & EWKB_M_FLAG ? 1 : 0);
    return { type: raw & 0xffff, dims };
  }

  uint32(): number {
    const value = this.view.getUint32(this.offset, this.little);
    this.offset += 4;
    return value;
  }

  coord(dims: number): [number, number] {
    const x = this.view.getFloat64(this.offset, this.little);
    const y = this.view.getFloat64(this.offset + 8, this.little);
    this.offset += 8 * dims;
    return [x, y];
  }
}

function hexToView(hex: string): DataView | null {
  if (!/^(?:[0-9a-fA-F]{2})+$/.test(hex) || hex.length < 10) return null;
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i += 1) bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return new DataView(bytes.buffer);
}

/** Hex EWKB (or a GeoJSON Point object) → point; null for anything else. */
export function parsePoint(value: unknown): GeoPoint | null {
  if (value && typeof value === 'object' && (value as { type?: string }).type === 'Point') {
    const [lng, lat] = (value as { coordinates: number[] }).coordinates;
    return { lng, lat };
  }
  if (typeof value !== 'string') return null;
  const view = hexToView(value);
  if (!view) return null;
  try {
    const reader = new WkbReader(view);
    const { type, dims } = reader.header();
    if (type !== WKB_POINT) return null;
    const [lng, lat] = reader.coord(dims);
    return Number.isFinite(lng) && Number.isFinite(lat) ? { lng, lat } : null;
  } catch {
    return null;
  }
}

/** Hex EWKB polygon or multipolygon → polygon count and bounding box; null otherwise. */
export function summarizeArea(value: unknown): GeoAreaSummary | null {
  if (typeof value !== 'string') return null;
  const view = hexToView(value);
  if (!view) return null;
  try {
    const reader = new WkbReader(view);
    const bbox: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
    const readPolygon = (dims: number) => {
      const rings = reader.uint32();
      for (let r = 0; r < rings; r += 1) {
        const points = reader.uint32();
        for (let p = 0; p < points; p += 1) {
          const [x, y] = reader.coord(dims);
          bbox[0] = Math.min(bbox[0], x);
          bbox[1] = Math.min(bbox[1], y);
          bbox[2] = Math.max(bbox[2], x);
          bbox[3] = Math.max(bbox[3], y);
        }
      }
    };
    const { type, dims } = reader.header();
    let polygons = 0;
    if (type === WKB_POLYGON) {
      readPolygon(dims);
      polygons = 1;
    } else if (type === WKB_MULTIPOLYGON) {
      polygons = reader.uint32();
      for (let i = 0; i < polygons; i += 1) readPolygon(reader.header().dims);
    } else {
      return null;
    }
    return { polygons, bbox };
  } catch {
    return null;
  }
}

/** Point → EWKT that PostgREST/PostgreSQL accept for a geography(point, 4326) column. */
export function toEwktPoint(point: GeoPoint): string {
  return `SRID=4326;POINT(${point.lng} ${point.lat})`;
}

export function isValidPoint(point: GeoPoint): boolean {
  return (
    Number.isFinite(point.lng) && Number.isFinite(point.lat) && Math.abs(point.lng) <= 180 && Math.abs(point.lat) <= 90
  );
}

export function formatPoint(point: GeoPoint): string {
  return `${point.lat.toFixed(5)}, ${point.lng.toFixed(5)}`;
}
