import { EnvironmentOutlined } from '@ant-design/icons';
import { Button, InputNumber, Modal, Space, Spin } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { toEwktPoint, type GeoPoint } from '../../lib/geo';
import { InvalidInput } from './invalid-input';
import { readPoint } from './point-value';

// Leaflet is heavy and needs the DOM: it loads only when someone opens the picker.
const GeoPointMap = lazy(() => import('./geo-point-map'));

export interface GeoPointInputProps {
  id?: string;
  /** Hex EWKB as read, EWKT once edited, null when empty, InvalidInput when half filled. */
  value?: unknown;
  onChange?: (value: string | InvalidInput | null) => void;
  onBlur?: () => void;
  disabled?: boolean;
}

type Coordinates = { lat: number | null; lng: number | null };

function coordinatesOf(value: unknown): Coordinates {
  const point = readPoint(value);
  return point ? { lat: point.lat, lng: point.lng } : { lat: null, lng: null };
}

function valueOf({ lat, lng }: Coordinates): string | InvalidInput | null {
  if (lat === null && lng === null) return null;
  if (lat === null || lng === null) return new InvalidInput('Enter both latitude and longitude');
  return toEwktPoint({ lat, lng });
}

export function GeoPointInput({ id, value, onChange, onBlur, disabled }: GeoPointInputProps) {
  const [state, setState] = useState(() => ({ value, coordinates: coordinatesOf(value) }));
  if (state.value !== value) setState({ value, coordinates: coordinatesOf(value) });
  const [picking, setPicking] = useState(false);
  const [picked, setPicked] = useState<GeoPoint | null>(null);

  const change = (coordinates: Coordinates) => {
    const next = valueOf(coordinates);
    setState({ value: next, coordinates });
    onChange?.(next);
  };
  const { lat, lng } = state.coordinates;
  const current = lat !== null && lng !== null ? { lat, lng } : null;

  return (
    <>
      <Space wrap>
        <InputNumber<number>
          id={id}
          aria-label="Latitude"
          placeholder="Latitude"
          value={lat}
          disabled={disabled}
          onBlur={onBlur}
          onChange={(next) => change({ lat: next ?? null, lng })}
        />
        <InputNumber<number>
          aria-label="Longitude"
          placeholder="Longitude"
          value={lng}
          disabled={disabled}
          onBlur={onBlur}
          onChange={(next) => change({ lat, lng: next ?? null })}
        />
        <Button
          icon={<EnvironmentOutlined />}
          disabled={disabled}
          onClick={() => {
            setPicked(current);
            setPicking(true);
          }}
        >
          Pick on map
        </Button>
      </Space>
      <Modal
        title="Pick a location"
        open={picking}
        width={720}
        destroyOnHidden
        okButtonProps={{ disabled: !picked }}
        onCancel={() => setPicking(false)}
        onOk={() => {
          if (picked) change({ lat: Number(picked.lat.toFixed(6)), lng: Number(picked.lng.toFixed(6)) });
          setPicking(false);
        }}
      >
        <Suspense fallback={<Spin />}>{picking && <GeoPointMap value={picked} onPick={setPicked} />}</Suspense>
      </Modal>
    </>
  );
}
