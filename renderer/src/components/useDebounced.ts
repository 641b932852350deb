// Calls back with a value once the user stopped changing it for a moment (search boxes).
import { useEffect, useRef } from 'react';

export function useDebouncedEffect<T>(value: T, delayMs: number, effect: (value: T) => void): void {
  const effectRef = useRef(effect);
  useEffect(() => {
    effectRef.current = effect;
  });
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const timer = setTimeout(() => effectRef.current(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
}
