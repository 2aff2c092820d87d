import { StrictMode } from 'react';
import { App } from './App';

/** The app's tree, the same wherever it is rendered: main's first screen, or the page. */
export const app = (
  <StrictMode>
    <App />
  </StrictMode>
);
