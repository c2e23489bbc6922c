// @ts-check
/**
 * The layer rule for main/: dependencies point one way, app → features → providers → core, and
 * a feature is used from outside only through its public entry (main/<feature>/index.ts). It
 * counts `import type` too: a type import upward still ties the lower layer to the upper one.
 *
 * VS Code's layering rule is the model: every folder names the folders it may import, paths are
 * resolved (so `../videosdk/x` from main/providers/webex/ is main/providers/videosdk, not the
 * feature), and a folder that is not in the table is an error until someone gives it a place.
 */
import { dirname, relative, resolve, sep } from 'node:path';

/** Features: each may use the others, but only through their entries. */
export const FEATURES = ['calls', 'auth', 'desktop', 'settings', 'meetings', 'videosdk', 'events'];

const BELOW_FEATURES = ['providers', 'ipc', 'window', 'core'];

/**
 * Which folders of main/ each folder may import (its own folder is always allowed). Read from the
 * bottom up:
 *   core      ports, errors, clock, logger, small utils: what everything stands on
 *   providers provider interfaces, Webex wire schemas, HTTP clients
 *   ipc       the bridge's main side (handler and event types, dispatch)
 *   window    window security: origin, CSP, navigation guard, window options
 *   sandbox   the built-in line; shares the providers' wire schemas
 *   features  calls, auth, desktop, settings, meetings, videosdk
 *   adapters  Electron implementations of the ports
 *   app       assembly: the core from features, ports and the built-in line
 *   index     main/index.ts, the composition root: may import anything
 *   prestart  `npm start`'s check for Electron's runtime (plain JS, run by node before the build);
 *             it imports nothing of the app, and no folder may import it, so it is never bundled
 * Outside main/, only the bridge contract (preload/contract*) and preload/common are allowed.
 */
export const MAY_IMPORT = {
  core: [],
  providers: ['core'],
  ipc: ['core'],
  window: ['ipc', 'core'],
  sandbox: ['providers', 'core'],
  ...Object.fromEntries(FEATURES.map((feature) => [feature, [...FEATURES, ...BELOW_FEATURES]])),
  adapters: [...FEATURES, ...BELOW_FEATURES],
  app: [...FEATURES, 'sandbox', ...BELOW_FEATURES],
  index: [...FEATURES, 'app', 'adapters', 'sandbox', ...BELOW_FEATURES],
  prestart: [],
};

/** @param {string} path repo-relative, '/'-separated */
function unitOf(path) {
  if (path === 'main/index.ts' || path === 'main/index.js') return 'index';
  const [, folder] = path.split('/');
  return folder;
}

/** @param {string} path repo-relative target, without extension */
function isSharedFromOutside(path) {
  return path === 'preload/contract' || path.startsWith('preload/contract/') || path.startsWith('preload/common/');
}

/** @type {import('eslint').Rule.RuleModule} */
export const layersRule = {
  meta: {
    type: 'problem',
    docs: { description: 'main/: dependencies point app → features → providers → core; features meet through their entries' },
    schema: [],
  },
  create(context) {
    const root = context.cwd;
    const file = relative(root, context.filename).split(sep).join('/');
    if (!file.startsWith('main/')) return {};
    const from = unitOf(file);

    /** @param {import('estree').Node} node @param {unknown} source */
    function check(node, source) {
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const target = relative(root, resolve(dirname(context.filename), source)).split(sep).join('/').replace(/\.(js|ts|tsx)$/, '');
      if (!target.startsWith('main/')) {
        if (!isSharedFromOutside(target)) {
          context.report({ node, message: `main/ may import only preload/contract and preload/common from outside main/, not ${target}.` });
        }
        return;
      }
      const to = unitOf(`${target}.ts`);
      if (to === from) return;
      const allowed = /** @type {Record<string, string[] | undefined>} */ (MAY_IMPORT)[from];
      if (!allowed) {
        context.report({ node, message: `main/${from} has no place in the layer order; give it one in eslint/layers.js.` });
        return;
      }
      if (!allowed.includes(to)) {
        context.report({
          node,
          message: `main/${from} may not import main/${to}: dependencies point app → features → providers → core (eslint/layers.js).`,
        });
        return;
      }
      if (FEATURES.includes(to) && target !== `main/${to}/index`) {
        context.report({ node, message: `Use main/${to} only through its public entry main/${to}/index.ts, not ${target}.` });
      }
    }

    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => check(node, node.source?.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => check(node, node.source.type === 'Literal' ? node.source.value : undefined),
      /** `import('../x.js').T` in a type position. */
      TSImportType(/** @type {any} */ node) {
        check(node, node.argument?.literal?.value ?? node.argument?.value);
      },
    };
  },
};

export default { rules: { layers: layersRule } };
