import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { popupCssVariables } from '../../preload/common/popup-size';
import { findBridge } from '../bridge';
import { PopupApp } from './popup-app';
import './popup.css';

// The stylesheet lays the cards out from the numbers main sizes this window with.
for (const [name, value] of Object.entries(popupCssVariables())) document.documentElement.style.setProperty(name, value);

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
