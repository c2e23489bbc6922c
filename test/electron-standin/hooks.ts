/**
 * Node module customization hooks (registered with `module.register`): `electron` resolves to
 * the stand-in, for the app and for electron-store alike, and the real `electron` package (whose
 * value would try to download a binary) can never load.
 */
import type { InitializeHook, ResolveHook } from 'node:module';

let electronUrl = '';

export const initialize: InitializeHook<{ electronUrl: string }> = (data) => {
  electronUrl = data.electronUrl;
};

export const resolve: ResolveHook = async (specifier, context, nextResolve) => {
  if (specifier === 'electron') return { url: electronUrl, format: 'module', shortCircuit: true };
  const resolved = await nextResolve(specifier, context);
  if (/\/node_modules\/electron\//.test(resolved.url)) {
    throw new Error(`${specifier} resolved to the real electron package (${resolved.url}); tests must use the stand-in`);
  }
  return resolved;
};
