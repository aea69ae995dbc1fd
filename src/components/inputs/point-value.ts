import { parsePoint, type GeoPoint } from '../../lib/geo';

// A geography point arrives as hex EWKB from PostgREST but, once edited, sits in the form as
// the EWKT we send back; the input and its validation read both.
const EWKT_POINT = /^(?:SRID=\d+;)?\s*POINT\s*\(\s*(\S+)\s+(\S+)\s*\)$/i;

export function readPoint(value: unknown): GeoPoint | null {
  if (typeof value === 'string') {
    const match = EWKT_POINT.exec(value.trim());
    if (match) {
      const lng = Number(match[1]);
      const lat = Number(match[2]);
      return Number.isNaN(lng) || Number.isNaN(lat) ? null : { lng, lat };
    }
  }
  return parsePoint(value);
}
