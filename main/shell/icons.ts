// Which icon file each OS gets from resources/ (drawn by scripts/make-icons.cjs, shipped next to the app by
// electron-builder's extraResources). A path, not an image: Electron picks the `@2x` file beside a PNG on high-DPI
// screens, and marks an image whose name ends in "Template" as a macOS template image (docs/api/native-image.md,
// "High Resolution Image" and "Template Image").
import type { TrayState } from './trayModel';

/**
 * macOS: a template image (black and alpha; the menu bar tints it for light, dark and highlighted); Windows: an .ico
 * with 16 to 48 px images, so the notification area never scales a 16 px PNG up at 125-300 %; Linux: a PNG with its
 * @2x (AppIndicator).
 */
export function trayIconFile(platform: NodeJS.Platform, state: TrayState): string {
  if (platform === 'darwin') return `tray-${state}Template.png`;
  if (platform === 'win32') return `tray-${state}.ico`;
  return `tray-${state}.png`;
}

/** The window's icon: the .ico on Windows (taskbar and Alt+Tab sizes), the PNG elsewhere (macOS ignores it). */
export function windowIconFile(platform: NodeJS.Platform): string {
  return platform === 'win32' ? 'icon.ico' : 'icon.png';
}
