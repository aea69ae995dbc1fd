import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { UndoBar } from '../../../src/features/moderation/undo-bar';

// The Undo bar counts down the seconds an approve or ignore may be taken back, then leaves.

describe('UndoBar', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] }));
  afterEach(() => vi.useRealTimers());

  it('offers the undo with the seconds left, and hears the click', () => {
    const onUndo = vi.fn();
    const offer = { ids: ['item-1'], message: 'Approve: “Leak repair”', until: Date.now() + 10_000 };
    render(<UndoBar offer={offer} pending={false} onUndo={onUndo} onExpire={vi.fn()} />);
    const bar = screen.getByRole('status', { name: 'Undo' });
    expect(bar).toHaveTextContent('Approve: “Leak repair”');
    expect(bar).toHaveTextContent('10 s');
    act(() => vi.advanceTimersByTime(3_000));
    expect(bar).toHaveTextContent('7 s');
    fireEvent.click(screen.getByRole('button', { name: 'Undo (z)' }));
    expect(onUndo).toHaveBeenCalledOnce();
  });

  it('leaves when the time is up', () => {
    const onExpire = vi.fn();
    const offer = { ids: ['item-1'], message: 'Ignore reports: 2 items', until: Date.now() + 10_000 };
    const { rerender } = render(<UndoBar offer={offer} pending={false} onUndo={vi.fn()} onExpire={onExpire} />);
    act(() => vi.advanceTimersByTime(10_250));
    expect(onExpire).toHaveBeenCalled();
    rerender(<UndoBar offer={null} pending={false} onUndo={vi.fn()} onExpire={onExpire} />);
    expect(screen.queryByRole('status', { name: 'Undo' })).toBeNull();
  });
});
