import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { findBridge } from '../bridge';
import { PopupApp } from './popup-app';
import './popup.css';

const root = createRoot(document.getElementById('root')!);
const bridge = findBridge();

root.render(
  bridge ? (
    <StrictMode>
      <PopupApp api={bridge} />
    </StrictMode>
  ) : (
    <main className="no-bridge">
      <p>This page only works inside the CallDeck app.</p>
    </main>
  ),
);
