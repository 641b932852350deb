// The count of new (unacknowledged) orders on the app icon, where the OS has one: the macOS dock and the Unity
// launcher on Linux take a number (app.setBadgeCount); Windows shows an overlay on the taskbar button.
import type { EventBus } from '../core/events/bus';
import type { Logger } from '../core/logging';
import type { AppPort, ImagesPort, NativeImagePort, WindowPort } from './ports';

export interface BadgeDeps {
  platform: NodeJS.Platform;
  app: Pick<AppPort, 'setBadgeCount'>;
  images: Pick<ImagesPort, 'createFromBitmap'>;
  currentWindow(): WindowPort | null;
  count(): number;
  bus: EventBus;
  logger: Logger;
  /** Describes the overlay for screen readers (Windows). */
  describe(count: number): string;
  redrawDelayMs?: number;
}

export interface Badge {
  refresh(): void;
  /** Forgets what was applied (a new window has no overlay yet), then redraws. */
  invalidate(): void;
  /** The count last applied. */
  shown(): number;
  stop(): void;
}

/** A 16×16 red dot (BGRA), the Windows overlay: Windows has no numeric badge, the tooltip says how many. */
export function overlayDot(images: Pick<ImagesPort, 'createFromBitmap'>): NativeImagePort {
  const size = 16;
  const pixels = Buffer.alloc(size * size * 4);
  const centre = (size - 1) / 2;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const inside = (x - centre) ** 2 + (y - centre) ** 2 <= (size / 2 - 0.5) ** 2;
      const offset = (y * size + x) * 4;
      pixels[offset] = inside ? 0x2b : 0; // blue
      pixels[offset + 1] = inside ? 0x2b : 0; // green
      pixels[offset + 2] = inside ? 0xd9 : 0; // red
      pixels[offset + 3] = inside ? 0xff : 0; // alpha
    }
  }
  return images.createFromBitmap(pixels, { width: size, height: size });
}

/** Events after which the number of new orders may have changed. */
const COUNT_EVENTS = new Set(['order_new', 'order_update', 'orders_imported', 'outbox_changed', 'sync_finished']);

export function createBadge(deps: BadgeDeps): Badge {
  let shown = -1;
  let dot: NativeImagePort | null = null;
  let timer: NodeJS.Timeout | null = null;
  const delay = deps.redrawDelayMs ?? 300;

  const apply = (count: number) => {
    if (deps.platform === 'win32') {
      const window = deps.currentWindow();
      if (!window) return false;
      dot ??= overlayDot(deps.images);
      window.setOverlayIcon(count > 0 ? dot : null, count > 0 ? deps.describe(count) : '');
      return true;
    }
    deps.app.setBadgeCount(count);
    return true;
  };

  const refresh = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    try {
      const count = deps.count();
      if (count === shown) return;
      if (apply(count)) shown = count;
    } catch (error) {
      deps.logger.warn('badge: update failed', { error });
    }
  };

  const unsubscribe = deps.bus.onAny((event) => {
    if (!COUNT_EVENTS.has(event.type)) return;
    if (delay === 0) refresh();
    else timer ??= setTimeout(refresh, delay);
  });
  refresh();

  return {
    refresh,
    invalidate() {
      shown = -1;
      refresh();
    },
    shown: () => Math.max(shown, 0),
    stop() {
      unsubscribe();
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}
