import type { Variant } from './bucketing';

// Editing a flag's variants: the database accepts distinct keys with whole weights adding up to
// 100 (private.feature_flag_variants_valid), and selection walks them in their stored order, so
// the editor keeps that order and says what is wrong before anything is sent.

export const VARIANT_KEY = /^[a-z][a-z0-9_-]{0,39}$/;

export function variantsError(variants: Variant[]): string | null {
  if (variants.length === 0) return null;
  const keys = new Set<string>();
  for (const [i, v] of variants.entries()) {
    if (!VARIANT_KEY.test(v.key))
      return `Variant ${i + 1}: a key of up to 40 a–z, 0–9, _ and -, starting with a letter`;
    if (keys.has(v.key)) return `Variant ${i + 1}: "${v.key}" is used twice`;
    keys.add(v.key);
    if (!Number.isInteger(v.weight) || v.weight < 0 || v.weight > 100)
      return `Variant ${v.key}: a whole weight from 0 to 100`;
  }
  const total = variants.reduce((sum, v) => sum + v.weight, 0);
  return total === 100 ? null : `Weights add up to ${total}; they must add up to 100`;
}

/** Equal weights, the remainder to the first ones (34/33/33), order kept. */
export function splitEvenly<V extends Variant>(variants: V[]): V[] {
  const n = variants.length;
  if (n === 0) return variants;
  const base = Math.floor(100 / n);
  const extra = 100 - base * n;
  return variants.map((v, i) => ({ ...v, weight: base + (i < extra ? 1 : 0) }));
}
