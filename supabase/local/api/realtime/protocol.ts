// Phoenix channel frames as supabase-js's RealtimeClient sends and reads them. Serializer 1.0.0
// is a JSON object per frame; 2.0.0 (realtime-js's default) a JSON array
// [join_ref, ref, topic, event, payload], plus binary frames for user broadcasts, which this
// server does not carry (Broadcast and Presence are not implemented: README).

export type Vsn = '1.0.0' | '2.0.0';

export interface Frame {
  join_ref: string | null;
  ref: string | null;
  topic: string;
  event: string;
  payload: unknown;
}

export const SUPPORTED_VSN: readonly Vsn[] = ['1.0.0', '2.0.0'];

/** A text frame from the client, or null when it is not one this protocol can read. */
export function decodeFrame(vsn: Vsn, text: string): Frame | null {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  if (vsn === '2.0.0') {
    if (!Array.isArray(raw) || raw.length !== 5) return null;
    const [join_ref, ref, topic, event, payload] = raw as unknown[];
    if (typeof topic !== 'string' || typeof event !== 'string') return null;
    return { join_ref: refOf(join_ref), ref: refOf(ref), topic, event, payload };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
  const o = raw as Record<string, unknown>;
  if (typeof o.topic !== 'string' || typeof o.event !== 'string') return null;
  return { join_ref: refOf(o.join_ref), ref: refOf(o.ref), topic: o.topic, event: o.event, payload: o.payload };
}

const refOf = (v: unknown): string | null => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null);

export function encodeFrame(vsn: Vsn, f: Frame): string {
  if (vsn === '2.0.0') return JSON.stringify([f.join_ref, f.ref, f.topic, f.event, f.payload]);
  return JSON.stringify({ join_ref: f.join_ref, ref: f.ref, topic: f.topic, event: f.event, payload: f.payload });
}

export const reply = (to: Frame, status: 'ok' | 'error', response: unknown): Frame => ({
  join_ref: to.join_ref,
  ref: to.ref,
  topic: to.topic,
  event: 'phx_reply',
  payload: { status, response },
});
