// React ships a profiling build of react-dom with the same API as react-dom/client; @types/react-dom
// does not describe that entry point.
declare module 'react-dom/profiling' {
  export { createRoot, hydrateRoot } from 'react-dom/client';
}
