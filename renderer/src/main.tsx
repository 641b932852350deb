// Renderer entry: picks the API (preload or browser bridge), then renders the window.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import 'uplot/dist/uPlot.min.css';
import './styles/app.css';
import { installApi } from './api/install';
import { App } from './App';
import { i18n } from './i18n/language';
import { startOpeningScreenLoads } from './stores/startup';

installApi();
startOpeningScreenLoads();
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <App />
      </I18nextProvider>
    </StrictMode>,
  );
}
