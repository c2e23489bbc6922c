// Renderer components import their stylesheets (Vite bundles them; Vitest stubs them).
declare module '*.css';
