import { describe, expect, it } from 'vitest';
import type { ResourceDef } from './types';
import { hasSyntheticId, parseRecordKey, primaryKeyOf, recordKey } from './record-key';

const def = (primaryKey?: string[]) => ({ name: 'payout_transactions', primaryKey }) as unknown as ResourceDef;
const pair = def(['payout_id', 'transaction_id']);

describe('primaryKeyOf / hasSyntheticId', () => {
  it.each<[string[] | undefined, string[], boolean]>([
    [undefined, ['id'], false],
    [[], ['id'], false],
    [['id'], ['id'], false],
    [['code'], ['code'], true],
    [['listing_id', 'tag_id'], ['listing_id', 'tag_id'], true],
  ])('primaryKey %j → %j, synthetic id %s', (key, columns, synthetic) => {
    expect(primaryKeyOf(def(key))).toEqual(columns);
    expect(hasSyntheticId(def(key))).toBe(synthetic);
  });
});

describe('recordKey / parseRecordKey', () => {
  it.each<[string, ResourceDef, Record<string, unknown>, string]>([
    ['uuid pair', pair, { payout_id: 'a1', transaction_id: 'b2', amount: 5 }, 'a1~b2'],
    ['separator inside a value', pair, { payout_id: 'x~y', transaction_id: 'z' }, 'x%7Ey~z'],
    ['reserved characters', pair, { payout_id: 'a/b c', transaction_id: '%~,' }, 'a%2Fb%20c~%25%7E%2C'],
    ['numbers', pair, { payout_id: 7, transaction_id: 0 }, '7~0'],
    ['single non-id key', def(['code']), { code: 'EUR' }, 'EUR'],
    ['default id', def(), { id: 'f00' }, 'f00'],
  ])('%s', (_name, resource, row, key) => {
    expect(recordKey(resource, row)).toBe(key);
    const parsed = parseRecordKey(resource, key);
    expect(parsed).toEqual(Object.fromEntries(primaryKeyOf(resource).map((c) => [c, String(row[c])])));
  });

  it.each<[Record<string, unknown>]>([[{ payout_id: 'a' }], [{ payout_id: 'a', transaction_id: null }]])(
    'refuses a row without every key column: %j',
    (row) => {
      expect(() => recordKey(pair, row)).toThrow(/transaction_id/);
    },
  );

  it.each(['a', 'a~b~c', '~b', 'a~', 'a~%E0%A4%A'])('refuses the malformed key %j', (id) => {
    expect(() => parseRecordKey(pair, id)).toThrow(/not a key of payout_id \+ transaction_id/);
  });
});
