// MurmurHash3 x86 32-bit over UTF-8 bytes: Unleash's bucketing hash. Written here because the
// npm packages either hash the low byte of each UTF-16 code unit (murmurhash3js, which Unleash's
// Node SDK bundles) or take only strings; we need the UTF-8 form the database computes
// (convert_to(text, 'UTF8')) and that Unleash's Java, Go and Python SDKs use. For ASCII ids
// (UUIDs, numbers) all of them agree.

const C1 = 0xcc9e2d51;
const C2 = 0x1b873593;

const encoder = new TextEncoder();

export function murmur3x86_32(input: string | Uint8Array, seed = 0): number {
  const bytes = typeof input === 'string' ? encoder.encode(input) : input;
  const blocks = bytes.length >>> 2;
  let h = seed >>> 0;
  for (let i = 0; i < blocks; i++) {
    const o = i * 4;
    let k = bytes[o] | (bytes[o + 1] << 8) | (bytes[o + 2] << 16) | (bytes[o + 3] << 24);
    k = Math.imul(k, C1);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, C2);
    h ^= k;
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  const tail = blocks * 4;
  const rest = bytes.length & 3;
  if (rest > 0) {
    let k1 = 0;
    if (rest === 3) k1 ^= bytes[tail + 2] << 16;
    if (rest >= 2) k1 ^= bytes[tail + 1] << 8;
    k1 ^= bytes[tail];
    k1 = Math.imul(k1, C1);
    k1 = (k1 << 15) | (k1 >>> 17);
    k1 = Math.imul(k1, C2);
    h ^= k1;
  }
  h ^= bytes.length;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
