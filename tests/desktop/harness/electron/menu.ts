// Menu and MenuItem with Electron's own template checks (lib/browser/api/menu.ts, menu-item.ts): the template
// must be an array, every item needs a label, a role or type 'separator', the type must be a known one, a role
// fills in its submenu and label, a submenu must be a template or a Menu. Menus record their items for the journal;
// a test clicks items by id or label. Electron's default application menu (File, Edit, View with Reload and
// Toggle Developer Tools, Window) is set at 'will-finish-launching' unless the app set one (lib/browser/init.ts).
// On Linux and Windows every window shows the application menu (docs/api/menu.md, "Menu.setApplicationMenu").
import { record } from '../journal';
import { runtime } from './runtime';

const TYPES = ['normal', 'separator', 'submenu', 'checkbox', 'radio', 'header', 'palette'];
/** lib/browser/api/menu-item-roles.ts (v41). */
const ROLES = [
  'about',
  'close',
  'copy',
  'cut',
  'delete',
  'forcereload',
  'front',
  'help',
  'hide',
  'hideothers',
  'minimize',
  'paste',
  'pasteandmatchstyle',
  'quit',
  'redo',
  'reload',
  'resetzoom',
  'selectall',
  'services',
  'recentdocuments',
  'clearrecentdocuments',
  'showsubstitutions',
  'togglesmartquotes',
  'togglesmartdashes',
  'toggletextreplacement',
  'startspeaking',
  'stopspeaking',
  'toggledevtools',
  'togglefullscreen',
  'undo',
  'unhide',
  'window',
  'zoom',
  'zoomin',
  'zoomout',
  'togglespellchecker',
  'appmenu',
  'filemenu',
  'editmenu',
  'viewmenu',
  'windowmenu',
  'sharemenu',
];
/** The submenus Electron fills in for a menu role (menu-item-roles.ts getDefaultSubmenu). */
const ROLE_SUBMENUS: Record<string, string[]> = {
  appmenu: ['about', 'services', 'hide', 'hideothers', 'unhide', 'quit'],
  filemenu: ['quit'],
  editmenu: ['undo', 'redo', 'cut', 'copy', 'paste', 'delete', 'selectall'],
  viewmenu: ['reload', 'forcereload', 'toggledevtools', 'resetzoom', 'zoomin', 'zoomout', 'togglefullscreen'],
  windowmenu: ['minimize', 'zoom', 'close'],
};

type Template = Record<string, unknown>;

export class MenuItem {
  readonly id: string | undefined;
  readonly label: string;
  readonly type: string;
  readonly role: string | undefined;
  readonly enabled: boolean;
  readonly visible: boolean;
  readonly accelerator: string | undefined;
  readonly submenu: Menu | null;
  readonly #click: unknown;
  constructor(options: Template) {
    const role = typeof options['role'] === 'string' ? options['role'].toLowerCase() : undefined;
    // An unknown role is ignored by Electron (menu-item-roles.ts hasRole); the journal notes it.
    if (role !== undefined && !ROLES.includes(role)) record('menu.unknown-role', { role });
    let submenu: Menu | null = null;
    if (options['submenu'] instanceof Menu) submenu = options['submenu'];
    else if (options['submenu'] != null) submenu = Menu.buildFromTemplate(options['submenu'] as Template[]);
    else if (role && ROLE_SUBMENUS[role])
      submenu = Menu.buildFromTemplate(ROLE_SUBMENUS[role].map((r) => ({ role: r })));
    let type = (options['type'] as string | undefined) ?? (submenu ? 'submenu' : 'normal');
    if (type === 'submenu' && !submenu) throw new Error('Invalid submenu');
    if (!TYPES.includes(type)) throw new Error(`Unknown menu item type: ${type}`);
    if (submenu && type === 'normal') type = 'submenu';
    this.id = options['id'] as string | undefined;
    this.label = (options['label'] as string | undefined) ?? role ?? '';
    this.type = type;
    this.role = role;
    this.enabled = options['enabled'] !== false;
    this.visible = options['visible'] !== false;
    this.accelerator = options['accelerator'] as string | undefined;
    this.submenu = submenu;
    this.#click = options['click'];
  }
  click(): void {
    if (!this.enabled) throw new Error(`harness: the menu item "${this.label}" is disabled`);
    if (typeof this.#click === 'function') (this.#click as (item: MenuItem) => void)(this);
  }
  toJSON(): object {
    return {
      ...(this.id !== undefined ? { id: this.id } : {}),
      label: this.label,
      type: this.type,
      ...(this.role ? { role: this.role } : {}),
      enabled: this.enabled,
      ...(this.accelerator ? { accelerator: this.accelerator } : {}),
      ...(this.submenu ? { submenu: this.submenu.toJSON() } : {}),
    };
  }
}

let applicationMenu: Menu | null = null;
let applicationMenuSet = false;

export class Menu {
  readonly items: MenuItem[] = [];
  append(item: MenuItem): void {
    if (!(item instanceof MenuItem)) throw new TypeError('Invalid item');
    this.items.push(item);
  }
  /** Every item, submenus included, depth first. */
  allItems(): MenuItem[] {
    return this.items.flatMap((item) => [item, ...(item.submenu?.allItems() ?? [])]);
  }
  toJSON(): object[] {
    return this.items.map((item) => item.toJSON());
  }
  static buildFromTemplate(template: unknown): Menu {
    if (!Array.isArray(template)) throw new TypeError('Invalid template for Menu: Menu template must be an array');
    const valid = template.every(
      (item) =>
        item != null &&
        typeof item === 'object' &&
        ('label' in item || 'role' in item || (item as Template)['type'] === 'separator'),
    );
    if (!valid) throw new TypeError('Invalid template for MenuItem: must have at least one of label, role or type');
    const menu = new Menu();
    for (const item of template as Template[]) menu.append(item instanceof MenuItem ? item : new MenuItem(item));
    return menu;
  }
  static setApplicationMenu(menu: Menu | null): void {
    if (menu && !(menu instanceof Menu)) throw new TypeError('Invalid menu');
    applicationMenu = menu;
    applicationMenuSet = true;
    record('menu.setApplicationMenu', { menu: menu ? menu.toJSON() : null });
    // Linux and Windows: every window gets the application menu (lib/browser/api/menu.ts).
    for (const window of runtime.windows) window.setMenu?.(menu);
  }
  static getApplicationMenu(): Menu | null {
    return applicationMenu;
  }
}

/** lib/browser/default-menu.ts, at 'will-finish-launching'. */
export function setDefaultApplicationMenu(): void {
  if (applicationMenuSet) return;
  const menu = Menu.buildFromTemplate([
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' }] : []),
    { role: 'fileMenu' },
    { role: 'editMenu' },
    { role: 'viewMenu' },
    { role: 'windowMenu' },
  ]);
  applicationMenu = menu;
  applicationMenuSet = true;
  record('menu.default', { menu: menu.toJSON() });
}

/** The item a test means: by id, else by label. */
export function findItem(menu: Menu, key: string): MenuItem {
  const item = menu.allItems().find((i) => i.id === key) ?? menu.allItems().find((i) => i.label === key);
  if (!item) throw new Error(`harness: no menu item "${key}" in ${JSON.stringify(menu.toJSON())}`);
  return item;
}
