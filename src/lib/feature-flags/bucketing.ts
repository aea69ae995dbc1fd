import { murmur3x86_32 } from './murmur3';

// Unleash's bucketing (unleash-client-node src/strategy/util.ts, variant.ts), the same as
// private.normalized_hash and its callers in the database: murmur3 of "<groupId>:<id>", then
// `% normalizer + 1`, so 1..normalizer.

/** The seed Unleash hashes variants with (since client-specification 5, October 2023). */
export const VARIANT_SEED = 86028157;

export function normalizedHash(id: string, groupId: string, normalizer: number, seed = 0): number {
  return (murmur3x86_32(`${groupId}:${id}`, seed) % normalizer) + 1;
}

/** Flexible rollout: in when the bucket (1..100) is at most the percentage; nobody at 0 %. */
export function inRollout(stickinessValue: string | null | undefined, groupId: string, percentage: number): boolean {
  if (!stickinessValue || percentage <= 0) return false;
  return normalizedHash(stickinessValue, groupId, 100) <= percentage;
}

export interface Variant {
  key: string;
  weight: number;
}

/** The first variant (in order, weight 0 skipped) whose running weight reaches the target 1..Σweights. */
export function selectVariant(
  variants: readonly Variant[],
  stickinessValue: string | null | undefined,
  groupId: string,
): string | null {
  const total = variants.reduce((sum, v) => sum + Math.max(0, v.weight), 0);
  if (total <= 0 || !stickinessValue) return null;
  const target = normalizedHash(stickinessValue, groupId, total, VARIANT_SEED);
  let counter = 0;
  for (const variant of variants) {
    if (variant.weight <= 0) continue;
    counter += variant.weight;
    if (counter >= target) return variant.key;
  }
  return null;
}
