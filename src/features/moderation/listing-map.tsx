import 'leaflet/dist/leaflet.css';
import { CircleMarker, MapContainer, TileLayer } from 'react-leaflet';
import type { GeoPoint } from '../../lib/geo';

// Where the listing is, small and read-only; loaded on demand so leaflet stays out of the queue's chunk.
export default function ListingMap({ point }: { point: GeoPoint }) {
  return (
    <MapContainer
      center={[point.lat, point.lng]}
      zoom={12}
      style={{ height: 180, width: '100%' }}
      scrollWheelZoom={false}
      attributionControl
    >
      <TileLayer
        attribution='&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors'
        url="https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png"
      />
      <CircleMarker center={[point.lat, point.lng]} radius={8} />
    </MapContainer>
  );
}
