// Debian's Chromium as the e2e tests and the renderer benchmark drive it: the binary and the headless flags that
// keep it from reaching the network (only 127.0.0.1 is a target here).
export const CHROMIUM_PATH = process.env.MAGFLOW_CHROMIUM ?? '/usr/bin/chromium';

export const HEADLESS_CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];
