// dialog: not before ready ("dialog module can only be used after app is ready", lib/browser/api/dialog.ts) except
// showErrorBox (docs/api/dialog.md, "dialog.showErrorBox": "can be called safely before the ready event"), with
// Electron's message box checks; `signal` closes the box (docs/api/dialog.md, "dialog.showMessageBox"). A message box waits for the seller: a test answers it (or the
// AbortSignal closes it, answering cancelId). The blocking showMessageBoxSync cannot wait for a test without
// blocking the harness too: it takes a preset answer, else answers cancelId, and the journal says which.
import { record } from '../journal';
import { requireReady } from './runtime';

interface MessageBoxOptions {
  type?: string;
  buttons?: unknown;
  defaultId?: number;
  cancelId?: number;
  title?: unknown;
  message?: unknown;
  detail?: unknown;
  noLink?: unknown;
  checkboxLabel?: unknown;
  checkboxChecked?: boolean;
  signal?: AbortSignal;
  [key: string]: unknown;
}

const TYPES = ['none', 'info', 'warning', 'error', 'question'];
const open = new Map<number, { resolve(response: number): void; options: MessageBoxOptions }>();
const presets: number[] = [];
let nextId = 1;

function check(
  options: MessageBoxOptions | undefined,
): Required<Pick<MessageBoxOptions, 'cancelId'>> & MessageBoxOptions {
  requireReady('dialog module can only be used after app is ready');
  const o = options ?? { type: 'none', message: '' };
  const { buttons = [], title = '', noLink = false, message = '', detail = '', checkboxLabel = '', type = 'none' } = o;
  if (!TYPES.includes(type)) throw new TypeError('Invalid message box type');
  if (!Array.isArray(buttons)) throw new TypeError('Buttons must be an array');
  if (typeof title !== 'string') throw new TypeError('Title must be a string');
  if (typeof noLink !== 'boolean') throw new TypeError('noLink must be a boolean');
  if (typeof message !== 'string') throw new TypeError('Message must be a string');
  if (typeof detail !== 'string') throw new TypeError('Detail must be a string');
  if (typeof checkboxLabel !== 'string') throw new TypeError('checkboxLabel must be a string');
  let cancelId = o.cancelId;
  if (cancelId == null) {
    const defaultId = o.defaultId ?? -1;
    cancelId = defaultId === 0 && buttons.length > 1 ? 1 : 0;
    const found = (buttons as string[]).findIndex((b) => ['cancel', 'no'].includes(String(b).toLowerCase()));
    if (found >= 0) cancelId = found;
  }
  return { ...o, cancelId };
}

/** `dialog.showMessageBox([window, ]options)`: a window is recognised by being a BrowserWindow. */
function split(first: unknown, second: unknown): { parent: number | null; options: MessageBoxOptions | undefined } {
  const isWindow = (value: unknown) =>
    !!value &&
    typeof value === 'object' &&
    (value as { constructor: { name: string } }).constructor.name === 'BrowserWindow';
  if (isWindow(first)) return { parent: (first as { id: number }).id, options: second as MessageBoxOptions };
  return { parent: null, options: first as MessageBoxOptions };
}

const describe = (o: MessageBoxOptions) => ({
  type: o.type ?? 'none',
  title: o.title ?? '',
  message: o.message ?? '',
  detail: o.detail ?? '',
  buttons: o.buttons ?? [],
  defaultId: o.defaultId,
  cancelId: o.cancelId,
});

export const dialog = {
  showMessageBox(first: unknown, second?: unknown): Promise<{ response: number; checkboxChecked: boolean }> {
    const { parent, options } = split(first, second);
    const checked = check(options);
    const id = nextId++;
    record('dialog.showMessageBox', { id, parent, ...describe(checked) });
    return new Promise((resolve) => {
      const finish = (response: number, how: string) => {
        if (!open.delete(id)) return;
        record('dialog.answered', { id, response, how });
        resolve({ response, checkboxChecked: checked.checkboxChecked === true });
      };
      open.set(id, { resolve: (response) => finish(response, 'seller'), options: checked });
      checked.signal?.addEventListener('abort', () => finish(checked.cancelId, 'closed by the app'));
    });
  },
  showMessageBoxSync(first: unknown, second?: unknown): number {
    const { parent, options } = split(first, second);
    const checked = check(options);
    const preset = presets.shift();
    const response = preset ?? checked.cancelId;
    record('dialog.showMessageBoxSync', {
      parent,
      ...describe(checked),
      response,
      how: preset === undefined ? 'no preset answer: cancelId' : 'preset',
    });
    return response;
  },
  /** docs/api/dialog.md: can be called before ready. */
  showErrorBox(title: string, content: string): void {
    record('dialog.showErrorBox', { title, content });
  },
  showOpenDialog(): never {
    throw new Error('harness: dialog.showOpenDialog is not emulated');
  },
  showSaveDialog(): never {
    throw new Error('harness: dialog.showSaveDialog is not emulated');
  },
};

/** The seller clicks button `response` of open message box `id` (the newest when omitted). */
export function answerMessageBox(response: number, id?: number): void {
  const key = id ?? [...open.keys()].at(-1);
  const box = key === undefined ? undefined : open.get(key);
  if (!box) throw new Error('harness: no message box is open');
  box.resolve(response);
}

export function presetSyncAnswer(response: number): void {
  presets.push(response);
}

export function openMessageBoxes(): number[] {
  return [...open.keys()];
}
