import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { TryOnButton } from './TryOnButton';

// Baked in at build time, as a Vite app does with its settings.
const endpoint: string | undefined = import.meta.env.VITE_FR_INGEST;
const ingest = endpoint ? { endpoint, publishableKey: 'pk_consumer_shop' } : undefined;

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <h1>Aurora ring</h1>
      <TryOnButton ingest={ingest} />
    </StrictMode>,
  );
}
