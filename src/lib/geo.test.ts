import { describe, expect, it } from 'vitest';
import { formatPoint, isValidPoint, parsePoint, summarizeArea, toEwktPoint } from './geo';

// Hex values are what PostGIS prints for geography(…, 4326) (and what PostgREST returns).
const NEW_YORK = '0101000020E6100000AAF1D24D628052C05E4BC8073D5B4440';
const MULTIPOLYGON =
  '0106000020E6100000020000000103000000010000000500000000000000000000000000000000000000000000000000244000000000000000000000000000002440000000000000144000000000000000000000000000001440000000000000000000000000000000000103000000010000000400000000000000000034400000000000003440000000000000354000000000000034400000000000003540000000000000364000000000000034400000000000003440';
const POLYGON =
  '0103000020E61000000100000004000000000000000000F03F000000000000F03F0000000000000040000000000000F03F00000000000000400000000000000840000000000000F03F000000000000F03F';
const LINESTRING = '0102000020E610000002000000000000000000F03F000000000000F03F00000000000000400000000000000040';

describe('parsePoint', () => {
  it('reads a PostGIS point', () => {
    const point = parsePoint(NEW_YORK);
    expect(point?.lng).toBeCloseTo(-74.006, 3);
    expect(point?.lat).toBeCloseTo(40.7128, 3);
  });

  it('reads a GeoJSON point', () => {
    expect(parsePoint({ type: 'Point', coordinates: [2.35, 48.85] })).toEqual({ lng: 2.35, lat: 48.85 });
  });

  it.each([[null], [''], ['not hex'], [LINESTRING], [POLYGON], [42], ['0101']])('rejects %s', (value) => {
    expect(parsePoint(value)).toBeNull();
  });
});

describe('summarizeArea', () => {
  it('counts polygons and bounds a multipolygon', () => {
    expect(summarizeArea(MULTIPOLYGON)).toEqual({ polygons: 2, bbox: [0, 0, 21, 22] });
  });

  it('bounds a single polygon', () => {
    expect(summarizeArea(POLYGON)).toEqual({ polygons: 1, bbox: [1, 1, 2, 3] });
  });

  it.each([[NEW_YORK], [LINESTRING], [null], ['zz']])('has no summary for %s', (value) => {
    expect(summarizeArea(value)).toBeNull();
  });
});

describe('writing points', () => {
  it('writes EWKT with SRID 4326, longitude first', () => {
    expect(toEwktPoint({ lng: -74.006, lat: 40.7128 })).toBe('SRID=4326;POINT(-74.006 40.7128)');
  });

  it.each([
    [{ lng: 0, lat: 0 }, true],
    [{ lng: 180, lat: -90 }, true],
    [{ lng: 181, lat: 0 }, false],
    [{ lng: 0, lat: 91 }, false],
    [{ lng: Number.NaN, lat: 0 }, false],
  ])('%o is valid: %s', (point, valid) => {
    expect(isValidPoint(point)).toBe(valid);
  });

  it('formats latitude first, as maps show it', () => {
    expect(formatPoint({ lng: -74.006, lat: 40.7128 })).toBe('40.71280, -74.00600');
  });
});
