import { describe, expect, it } from 'vitest';
import { decodeFrame, encodeFrame, reply } from './protocol.ts';

describe('Phoenix frames', () => {
  const frame = { join_ref: '1', ref: '2', topic: 'realtime:room', event: 'phx_join', payload: { config: {} } };

  it.each(['1.0.0', '2.0.0'] as const)('round-trips serializer %s', (vsn) => {
    expect(decodeFrame(vsn, encodeFrame(vsn, frame))).toEqual(frame);
  });

  it('reads 2.0.0 as the array realtime-js sends', () => {
    expect(decodeFrame('2.0.0', '[null,"5","phoenix","heartbeat",{}]')).toEqual({
      join_ref: null,
      ref: '5',
      topic: 'phoenix',
      event: 'heartbeat',
      payload: {},
    });
  });

  it.each([
    ['2.0.0', 'not json'],
    ['2.0.0', '{"topic":"t","event":"e"}'],
    ['2.0.0', '[1,2,3]'],
    ['1.0.0', '["1","2","t","e",{}]'],
    ['1.0.0', '{"event":"e"}'],
  ] as const)('refuses what %s cannot read: %s', (vsn, text) => {
    expect(decodeFrame(vsn, text)).toBeNull();
  });

  it('replies on the frame’s own refs', () => {
    expect(reply(frame, 'ok', {})).toEqual({
      join_ref: '1',
      ref: '2',
      topic: 'realtime:room',
      event: 'phx_reply',
      payload: { status: 'ok', response: {} },
    });
  });
});
