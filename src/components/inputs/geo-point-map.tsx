import 'leaflet/dist/leaflet.css';
import { CircleMarker, MapContainer, TileLayer, useMapEvents } from 'react-leaflet';
import type { GeoPoint } from '../../lib/geo';

// Loaded lazily by GeoPointInput, so leaflet and its CSS stay out of the main bundle.

interface GeoPointMapProps {
  value: GeoPoint | null;
  onPick: (point: GeoPoint) => void;
}

function ClickToPick({ onPick }: Pick<GeoPointMapProps, 'onPick'>) {
  useMapEvents({ click: (event) => onPick({ lat: event.latlng.lat, lng: event.latlng.lng }) });
  return null;
}

export default function GeoPointMap({ value, onPick }: GeoPointMapProps) {
  return (
    <MapContainer
      center={value ? [value.lat, value.lng] : [20, 0]}
      zoom={value ? 13 : 2}
      style={{ height: 420, width: '100%' }}
    >
      <TileLayer
        attribution='&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors'
        url="https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png"
      />
      {/* a circle marker needs no icon images, which bundlers mangle for leaflet's default marker */}
      {value && <CircleMarker center={[value.lat, value.lng]} radius={8} />}
      <ClickToPick onPick={onPick} />
    </MapContainer>
  );
}
