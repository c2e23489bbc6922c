import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { findBridge } from './bridge';
import { App } from './components/app';
import { createAppStore } from './store/app-store';
import { bindBridge } from './store/bind-bridge';
import { StoreProvider } from './store/store-context';

const root = createRoot(document.getElementById('root')!);
const bridge = findBridge();

if (!bridge) {
  // Opened outside CallDeck (no preload): say so rather than render a dead UI.
  root.render(
    <main className="no-bridge">
      <h1>CallDeck</h1>
      <p>This page only works inside the CallDeck app.</p>
    </main>,
  );
} else {
  const store = createAppStore();
  // Bound once, outside React, so StrictMode's double effects never double-subscribe.
  const dispose = bindBridge(bridge, store);
  window.addEventListener('pagehide', dispose, { once: true });
  root.render(
    <StrictMode>
      <StoreProvider store={store}>
        <App />
      </StoreProvider>
    </StrictMode>,
  );
}
