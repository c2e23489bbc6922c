// Vite bundles stylesheets imported by components; they export nothing.
declare module '*.css';
