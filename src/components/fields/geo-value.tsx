import { formatPoint, parsePoint, summarizeArea } from '../../lib/geo';
import { formatNumber } from './format';

export function GeoPointValue({ value }: { value: unknown }) {
  const point = parsePoint(value);
  if (!point) return <span>{String(value)}</span>;
  const href = `https://www.openstreetmap.org/?mlat=${point.lat}&mlon=${point.lng}#map=15/${point.lat}/${point.lng}`;
  return (
    <a href={href} target="_blank" rel="noopener noreferrer" title="Open in OpenStreetMap">
      {formatPoint(point)}
    </a>
  );
}

export function GeoAreaValue({ value }: { value: unknown }) {
  const area = summarizeArea(value);
  if (!area) return <span>Unreadable area</span>;
  const [west, south, east, north] = area.bbox.map((n) => formatNumber(n, 3));
  return (
    <span>
      {area.polygons} {area.polygons === 1 ? 'polygon' : 'polygons'}, bbox {west}, {south} → {east}, {north}
    </span>
  );
}
