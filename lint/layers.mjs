// The layer rule: which folders (and modules) a file may import, by where the file lives. Every boundary of
// docs/ARCHITECTURE.md is one entry of LAYERS, checked on every import, export-from and import() of the tree, so a wrong
// import fails `npm run lint` instead of waiting for a review. Relative specifiers are resolved against the file's
// folder; bare ones (`electron`) are compared as module names.
import { dirname, relative, resolve, sep } from 'node:path';

/**
 * files: the folder (or file) the entry applies to, relative to the repository; except: files of it the entry does not
 * apply to; paths: folders or files they may not import; modules: packages they may not import; why: the message.
 */
export const LAYERS = [
  {
    files: 'shared',
    paths: ['main', 'renderer', 'preload'],
    modules: ['electron'],
    why: 'shared/ is used by every process: it imports nothing from main/, renderer/ or preload/',
  },
  {
    files: 'main/core',
    paths: ['main/shell', 'main/cli', 'main/index'],
    modules: ['electron'],
    why: 'main/core runs under plain Node for the app and the CLI alike: no Electron, no shell, no CLI',
  },
  {
    files: 'main/core',
    except: ['main/core/demo.ts'],
    paths: ['main/sandbox'],
    why: 'only the demo module (main/core/demo.ts) starts the sandbox; other core code goes through it',
  },
  {
    files: 'main/shell',
    paths: ['main/cli', 'main/sandbox'],
    why: 'the desktop shell uses the core only: not the CLI, and the sandbox through main/core/demo.ts',
  },
  {
    files: 'main/cli',
    paths: ['main/shell', 'main/index'],
    modules: ['electron'],
    why: 'the CLI runs without Electron: it never imports the desktop shell',
  },
  {
    files: 'main/sandbox',
    paths: ['main/core', 'main/shell', 'main/cli', 'renderer', 'preload'],
    modules: ['electron'],
    why: 'the sandbox stands in for eMAG: it shares only shared/ with MagFlow, never its client or core',
  },
  {
    files: 'renderer',
    paths: ['main', 'preload'],
    modules: ['electron'],
    why: 'the renderer is a browser page: it imports shared/ only and talks to main through window.magflow',
  },
  {
    files: 'preload',
    paths: ['main', 'renderer'],
    why: 'the preload exposes window.magflow over IPC: it imports electron and shared/ only',
  },
];

const within = (path, folder) => path === folder || path.startsWith(`${folder}/`);
const withoutExtension = (path) => path.replace(/\.(ts|tsx|mts|cts|js|mjs|cjs)$/, '');

/** @type {import('eslint').Rule.RuleModule} */
const layersRule = {
  meta: {
    type: 'problem',
    docs: { description: 'keeps each folder to the imports its layer allows (docs/ARCHITECTURE.md)' },
    schema: [],
    messages: { forbidden: "'{{source}}' is {{target}}: {{why}}." },
  },
  create(context) {
    const root = context.cwd;
    const file = relative(root, context.filename).split(sep).join('/');
    const layers = LAYERS.filter(
      (layer) => within(withoutExtension(file), layer.files) && !(layer.except ?? []).includes(file),
    );
    if (layers.length === 0) return {};

    function check(node) {
      const source = node?.type === 'Literal' && typeof node.value === 'string' ? node.value : null;
      if (source === null) return;
      const relativeSpecifier = source.startsWith('./') || source.startsWith('../');
      const target = relativeSpecifier
        ? withoutExtension(
            relative(root, resolve(dirname(context.filename), source))
              .split(sep)
              .join('/'),
          )
        : source;
      for (const layer of layers) {
        const hit = relativeSpecifier
          ? layer.paths?.find((path) => within(target, path))
          : layer.modules?.find((module) => target === module || target.startsWith(`${module}/`));
        if (hit) {
          context.report({ node, messageId: 'forbidden', data: { source, target: hit, why: layer.why } });
          return;
        }
      }
    }

    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
      TSImportEqualsDeclaration: (node) => check(node.moduleReference?.expression),
    };
  },
};

export const layersPlugin = { rules: { layers: layersRule } };
