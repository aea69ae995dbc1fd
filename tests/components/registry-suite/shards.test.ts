import { describe, expect, it } from 'vitest';
import { registry } from '../../../src/resources';
import { SHARDS, shardOf } from './registry-suite';

describe('registry suite shards', () => {
  it('deal every registry entry to exactly one shard', () => {
    const dealt = Array.from({ length: SHARDS }, (_, i) => shardOf(i + 1).map((d) => d.name)).flat();
    expect(dealt.sort()).toEqual(registry.map((d) => d.name).sort());
    expect(new Set(dealt).size).toBe(registry.length);
  });
});
