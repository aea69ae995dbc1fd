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

/**
 * A binary frame from realtime-js's 2.0.0 serializer: a user broadcast it pushes (kind 3) —
 * header [kind, join_ref, ref, topic, event, metadata lengths, encoding], those strings, then
 * the payload (JSON when encoding is 1, raw bytes otherwise).
 */
export function decodeBinaryFrame(buf: Buffer): Frame | null {
  if (buf.length < 7 || buf[0] !== 3) return null;
  const [joinRefLen, refLen, topicLen, eventLen, metaLen, encoding] = [buf[1], buf[2], buf[3], buf[4], buf[5], buf[6]];
  let at = 7;
  const take = (n: number) => {
    const s = buf.subarray(at, at + n).toString('utf8');
    at += n;
    return s;
  };
  if (buf.length < at + joinRefLen + refLen + topicLen + eventLen + metaLen) return null;
  const joinRef = take(joinRefLen);
  const ref = take(refLen);
  const topic = take(topicLen);
  const event = take(eventLen);
  const meta = take(metaLen);
  const body = buf.subarray(at);
  let payload: unknown;
  try {
    payload = encoding === 1 ? JSON.parse(body.toString('utf8')) : { binary: body.toString('base64') };
  } catch {
    return null;
  }
  let metadata: Record<string, unknown> = {};
  if (meta) {
    try {
      metadata = JSON.parse(meta) as Record<string, unknown>;
    } catch {
      return null;
    }
  }
  return {
    join_ref: joinRef || null,
    ref: ref || null,
    topic,
    event: 'broadcast',
    payload: { ...metadata, type: 'broadcast', event, payload },
  };
}
