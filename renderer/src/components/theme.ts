// Applies the seller's theme choice; "system" follows the OS and keeps following it while the window is open.
export type ThemeChoice = 'system' | 'light' | 'dark';

export function applyTheme(choice: ThemeChoice, root: HTMLElement = document.documentElement): () => void {
  const media = typeof window.matchMedia === 'function' ? window.matchMedia('(prefers-color-scheme: dark)') : null;
  const set = () => {
    const dark = choice === 'dark' || (choice === 'system' && media?.matches === true);
    root.dataset.theme = dark ? 'dark' : 'light';
  };
  set();
  if (choice !== 'system' || !media) return () => {};
  media.addEventListener('change', set);
  return () => media.removeEventListener('change', set);
}
