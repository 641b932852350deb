// The one MagFlow window: secure preferences, remembered bounds, its own title, and closing it only hides it
// (MagFlow keeps running in the tray until the seller quits). Navigation guards apply to every webContents
// (security.ts guardAllWebContents), this window's included.
import type { Logger } from '../core/logging';
import type { CreateWindow, ScreenPort, WindowPort } from './ports';
import { secureWebPreferences } from './security';
import { initialBounds, loadWindowState, MIN_SIZE, saveWindowState, type StateStore } from './windowState';

export interface MainWindowDeps {
  createWindow: CreateWindow;
  screen: ScreenPort;
  state: StateStore;
  logger: Logger;
  preloadPath: string;
  /** The page to load: the dev server in development, magflow://app/index.html when packaged. */
  url: string;
  iconPath?: string;
  title: string;
  /** True once the seller asked to quit: closing the window then really closes it. */
  isQuitting(): boolean;
  /** Called for every new window, e.g. to attach the renderer-error logging. */
  onCreated?(window: WindowPort): void;
}

export interface MainWindow {
  /** The live window, if one exists. */
  current(): WindowPort | null;
  /** Shows and focuses the window, creating it if needed. */
  show(): WindowPort;
  /** Creates the window without showing it (start minimized). */
  ensure(): WindowPort;
  setTitle(title: string): void;
}

/** Saves the bounds this long after the last move/resize (dragging fires dozens of events). */
const SAVE_DELAY_MS = 500;

export function mainWindow(deps: MainWindowDeps): MainWindow {
  let window: WindowPort | null = null;
  let title = deps.title;

  const create = (): WindowPort => {
    const bounds = initialBounds(
      loadWindowState(deps.state),
      deps.screen.getAllDisplays().map((d) => d.workArea),
    );
    const created = deps.createWindow({
      ...(bounds.x !== undefined && bounds.y !== undefined ? { x: bounds.x, y: bounds.y } : {}),
      width: bounds.width,
      height: bounds.height,
      minWidth: MIN_SIZE.width,
      minHeight: MIN_SIZE.height,
      show: false,
      title,
      ...(deps.iconPath ? { icon: deps.iconPath } : {}),
      backgroundColor: '#f7f7f8',
      autoHideMenuBar: true,
      webPreferences: secureWebPreferences(deps.preloadPath),
    });
    if (bounds.maximized) created.maximize();
    // The title is the shell's ("MagFlow — demo"), not the page's <title>, which Electron would otherwise copy.
    created.on('page-title-updated', (event) => event.preventDefault());

    let saveTimer: NodeJS.Timeout | null = null;
    const save = () => {
      if (saveTimer) clearTimeout(saveTimer);
      saveTimer = null;
      if (created.isDestroyed()) return;
      try {
        saveWindowState(deps.state, created.getNormalBounds(), created.isMaximized());
      } catch (error) {
        deps.logger.warn('window: could not save its bounds', { error });
      }
    };
    const saveSoon = () => {
      if (saveTimer) clearTimeout(saveTimer);
      saveTimer = setTimeout(save, SAVE_DELAY_MS);
    };
    created.on('resize', saveSoon);
    created.on('move', saveSoon);
    created.on('maximize', save);
    created.on('unmaximize', save);
    created.on('close', (event) => {
      save();
      if (!deps.isQuitting()) {
        // Closing hides: the tray keeps MagFlow (and its notifications) running.
        event.preventDefault();
        created.hide();
      }
    });
    created.on('closed', () => {
      if (saveTimer) clearTimeout(saveTimer);
      if (window === created) window = null;
    });
    deps.onCreated?.(created);
    created.loadURL(deps.url).catch((error: unknown) => deps.logger.error('window: page failed to load', { error }));
    return created;
  };

  const reveal = (target: WindowPort) => {
    if (target.isMinimized()) target.restore();
    target.show();
    target.focus();
  };

  const ensure = (): WindowPort => {
    if (!window || window.isDestroyed()) window = create();
    return window;
  };

  return {
    current: () => (window && !window.isDestroyed() ? window : null),
    ensure,
    show() {
      const target = ensure();
      reveal(target);
      return target;
    },
    setTitle(next) {
      title = next;
      if (window && !window.isDestroyed()) window.setTitle(next);
    },
  };
}
