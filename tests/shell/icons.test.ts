// Which tray and window icon each OS gets, and that the files scripts/make-icons.cjs wrote are what that OS reads:
// a black-and-alpha template image with its @2x on macOS, an .ico with 16 to 48 px images on Windows, PNGs on Linux.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMemoryLogger } from '../../main/core/logging';
import { startShell } from '../../main/shell/app';
import { trayIconFile, windowIconFile } from '../../main/shell/icons';
import type { TrayState } from '../../main/shell/trayModel';
import { createFakeElectron, type FakeElectron } from './fakeElectron';
import { isBlackAndAlpha, opaquePixels, readIco, readPng } from './iconFiles';
import { testShellOptions } from './shellSetup';

const RESOURCES = join(__dirname, '..', '..', 'resources');
const STATES: TrayState[] = ['ok', 'syncing', 'error', 'paused'];
const PLATFORMS: NodeJS.Platform[] = ['darwin', 'win32', 'linux'];

describe('tray and window icons per OS', () => {
  it('names the file each platform gets', () => {
    expect(STATES.map((s) => trayIconFile('darwin', s))).toEqual([
      'tray-okTemplate.png',
      'tray-syncingTemplate.png',
      'tray-errorTemplate.png',
      'tray-pausedTemplate.png',
    ]);
    expect(STATES.map((s) => trayIconFile('win32', s))).toEqual([
      'tray-ok.ico',
      'tray-syncing.ico',
      'tray-error.ico',
      'tray-paused.ico',
    ]);
    expect(STATES.map((s) => trayIconFile('linux', s))).toEqual([
      'tray-ok.png',
      'tray-syncing.png',
      'tray-error.png',
      'tray-paused.png',
    ]);
    expect(trayIconFile('freebsd', 'ok')).toBe('tray-ok.png');
    expect(PLATFORMS.map(windowIconFile)).toEqual(['icon.png', 'icon.ico', 'icon.png']);
  });

  it('macOS: every state is a 16 px template image with a 32 px @2x, black and alpha only, each state its own shape', () => {
    const shapes = new Set<string>();
    for (const state of STATES) {
      const file = join(RESOURCES, trayIconFile('darwin', state));
      const normal = readPng(file);
      const retina = readPng(file.replace(/\.png$/, '@2x.png'));
      expect([normal.width, normal.height, retina.width, retina.height], state).toEqual([16, 16, 32, 32]);
      expect(isBlackAndAlpha(normal), state).toBe(true);
      expect(isBlackAndAlpha(retina), state).toBe(true);
      expect(opaquePixels(retina), state).toBeGreaterThan(100);
      shapes.add(retina.rgba.toString('base64'));
    }
    expect(shapes.size).toBe(STATES.length);
  });

  it('Windows: every state is an .ico with 32-bit images of 16, 20, 24, 32 and 48 px', () => {
    for (const state of STATES) {
      const images = readIco(join(RESOURCES, trayIconFile('win32', state)));
      expect(
        images.map((i) => i.width),
        state,
      ).toEqual([16, 20, 24, 32, 48]);
      for (const image of images) {
        expect(image.bitCount).toBe(32);
        expect(image.format).toBe('bmp');
        expect(opaquePixels(image), `${state} ${image.width}px`).toBeGreaterThan(image.width * image.width * 0.5);
      }
    }
    const app = readIco(join(RESOURCES, windowIconFile('win32')));
    expect(app.map((i) => i.width)).toEqual([16, 24, 32, 48, 64, 128, 256]);
    expect(app.at(-1)!.format).toBe('png'); // 256 px images are PNG-compressed, as Windows expects
  });

  it('Linux: every state is a 16 px PNG with a 32 px @2x; the app icon set has the hicolor sizes', () => {
    for (const state of STATES) {
      const file = join(RESOURCES, trayIconFile('linux', state));
      expect(readPng(file).width, state).toBe(16);
      expect(readPng(file.replace(/\.png$/, '@2x.png')).width, state).toBe(32);
    }
    for (const size of [16, 24, 32, 48, 64, 128, 256, 512]) {
      const icon = readPng(join(RESOURCES, 'icons', `${size}x${size}.png`));
      expect([icon.width, icon.height]).toEqual([size, size]);
    }
    expect(readPng(join(RESOURCES, windowIconFile('linux'))).width).toBe(512);
  });

  describe('the assembled shell', () => {
    let dir = '';
    let fake: FakeElectron | null = null;
    afterEach(async () => {
      if (fake && fake.app.exitCode === null) {
        fake.app.quit();
        await vi.waitFor(() => expect(fake!.app.exitCode).toBe(0), { timeout: 20_000 });
      }
      fake = null;
      rmSync(dir, { recursive: true, force: true });
    });

    it.each(PLATFORMS)('on %s gives the tray and the window its files, which exist', async (platform) => {
      dir = mkdtempSync(join(tmpdir(), 'magflow-icons-'));
      fake = createFakeElectron({ userData: join(dir, 'userData'), logs: join(dir, 'logs') });
      mkdirSync(join(dir, 'userData'));
      const handle = startShell(fake, {
        ...testShellOptions(dir, createMemoryLogger()),
        platform,
        resourcesDir: RESOURCES,
      });
      fake.app.ready();
      const shell = await handle.ready;
      expect(fake.tray().images[0]).toBe(join(RESOURCES, trayIconFile(platform, 'ok')));
      shell!.core.scheduler.pause();
      shell!.tray.refresh();
      expect(fake.tray().images.at(-1)).toBe(join(RESOURCES, trayIconFile(platform, 'paused')));
      expect(fake.window().spec.icon).toBe(join(RESOURCES, windowIconFile(platform)));
      for (const image of [...fake.tray().images, fake.window().spec.icon!])
        expect(existsSync(image), image).toBe(true);
    });
  });
});
