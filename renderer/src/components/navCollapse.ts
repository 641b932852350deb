// Whether the side navigation shows only icons: the seller's own choice when made (kept in localStorage), else
// collapsed on a window narrower than NARROW_WINDOW so a 1024 px window keeps the orders table's main columns.
import { useCallback, useSyncExternalStore } from 'react';

export const NARROW_WINDOW = '(max-width: 1199px)';
const STORAGE_KEY = 'magflow.navCollapsed';

type Choice = 'collapsed' | 'expanded' | null;

const listeners = new Set<() => void>();
/** The choice made in this window, for when localStorage cannot keep it. */
let sessionChoice: Choice = null;

function readChoice(): Choice {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return value === 'collapsed' || value === 'expanded' ? value : sessionChoice;
  } catch {
    return sessionChoice;
  }
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  const media = typeof window.matchMedia === 'function' ? window.matchMedia(NARROW_WINDOW) : null;
  media?.addEventListener('change', listener);
  return () => {
    listeners.delete(listener);
    media?.removeEventListener('change', listener);
  };
}

/** Collapsed or not right now: the seller's choice, else the window's width. */
export function navCollapsedNow(): boolean {
  if (typeof window === 'undefined') return false;
  const choice = readChoice();
  if (choice) return choice === 'collapsed';
  return typeof window.matchMedia === 'function' && window.matchMedia(NARROW_WINDOW).matches;
}

export function useNavCollapsed(): [boolean, (collapsed: boolean) => void] {
  const collapsed = useSyncExternalStore(subscribe, navCollapsedNow, () => false);
  const set = useCallback((value: boolean) => {
    sessionChoice = value ? 'collapsed' : 'expanded';
    try {
      window.localStorage.setItem(STORAGE_KEY, value ? 'collapsed' : 'expanded');
    } catch {
      // No storage (private mode): the choice lasts until the window closes, like any other state here.
    }
    for (const listener of listeners) listener();
  }, []);
  return [collapsed, set];
}
