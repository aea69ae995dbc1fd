import { useEffect, useEffectEvent, useState } from 'react';

/**
 * A typed-in value that reaches the URL only after the user pauses. The draft follows the
 * committed value when that changes from outside (e.g. "Clear filters"), but not when it is
 * just our own commit coming back (so a trailing space survives while typing).
 */
export function useDraft<T>(
  value: T,
  commit: (next: T) => void,
  { delay = 400, same = Object.is as (a: T, b: T) => boolean } = {},
): [T, (next: T) => void, () => void] {
  const [draft, setDraft] = useState(value);
  const [seen, setSeen] = useState(value);
  if (!same(value, seen)) {
    setSeen(value);
    if (!same(value, draft)) setDraft(value);
  }
  const fire = useEffectEvent((next: T) => commit(next));
  useEffect(() => {
    if (same(draft, seen)) return;
    const timer = setTimeout(() => fire(draft), delay);
    return () => clearTimeout(timer);
  }, [draft, seen, delay, same]);
  const flush = () => {
    if (!same(draft, value)) commit(draft);
  };
  return [draft, setDraft, flush];
}

export const sameText = (a: string, b: string) => a.trim() === b.trim();
