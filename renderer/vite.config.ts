import { defineConfig } from 'vite';

// The renderer project has no Node types on purpose, so derive this folder from the config's
// own URL instead of node:url / node:path. On Windows the URL path starts with "/C:/".
const here = decodeURIComponent(new URL('.', import.meta.url).pathname).replace(/^\/(?=[A-Za-z]:)/, '');

export default defineConfig({
  root: here,
  // Loaded from a custom app scheme or a packaged file, so every asset URL must be relative.
  base: './',
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome140',
    // Electron's Chromium supports modulepreload natively; the polyfill would only add code.
    modulePreload: { polyfill: false },
    sourcemap: true,
    // Two pages: the main window, and the incoming-call popup (its own small window).
    rolldownOptions: {
      input: { main: `${here}/index.html`, popup: `${here}/popup.html` },
    },
  },
});
