import { describe, expect, it } from 'vitest';
import { commandFor, moveSelection, QUEUE_KEYS } from './keyboard';

describe('commandFor', () => {
  const body = document.createElement('div');
  const input = document.createElement('input');
  const textarea = document.createElement('textarea');
  const dialog = document.createElement('div');
  dialog.setAttribute('role', 'dialog');
  const button = document.createElement('button');
  dialog.append(button);
  document.body.append(body, input, textarea, dialog);

  it.each([
    ['j', 'next'],
    ['k', 'previous'],
    ['c', 'claim'],
    ['a', 'approve'],
    ['r', 'reject'],
    ['e', 'escalate'],
    ['z', 'undo'],
    ['?', 'help'],
    ['x', null],
    ['J', null],
    ['Enter', null],
  ])('%s → %s', (key, command) => {
    expect(commandFor({ key, target: body })).toBe(command);
  });

  it.each([
    ['ctrl', { ctrlKey: true }],
    ['meta (cmd-r reloads)', { metaKey: true }],
    ['alt', { altKey: true }],
  ])('ignores keys with %s held', (_name, modifiers) => {
    expect(commandFor({ key: 'r', target: body, ...modifiers })).toBeNull();
  });

  it.each([
    ['an input', input],
    ['a textarea', textarea],
    ['anything in a dialog', button],
  ])('ignores typing in %s', (_name, target) => {
    expect(commandFor({ key: 'a', target })).toBeNull();
  });

  it('has one command per key, each described for the help sheet', () => {
    expect(new Set(QUEUE_KEYS.map((k) => k.key)).size).toBe(QUEUE_KEYS.length);
    for (const k of QUEUE_KEYS) expect(k.description.length).toBeGreaterThan(3);
  });
});

describe('moveSelection', () => {
  it.each([
    [-1, 5, 'next', 0],
    [-1, 5, 'previous', 0],
    [0, 5, 'next', 1],
    [4, 5, 'next', 4],
    [0, 5, 'previous', 0],
    [3, 5, 'previous', 2],
    [0, 0, 'next', -1],
  ] as const)('from %i of %i, %s → %i', (index, length, command, expected) => {
    expect(moveSelection(index, length, command)).toBe(expected);
  });
});
