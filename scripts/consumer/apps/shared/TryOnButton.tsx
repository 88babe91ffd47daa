'use client';
// The one client component of the Vite and Next.js consumer apps, written as the recipes in
// docs/hosting-assets.md say: the SDK imported at the top, the try-on created in the browser.
import { createTryOn, type IngestOptions, type TryOn } from '@fittingroom/sdk';
import { useEffect, useRef, useState } from 'react';

/** Props: where the ingest server is (sharing is offered only with one). */
export interface TryOnButtonProps {
  readonly ingest?: IngestOptions | undefined;
}

/** A "Try it on" button for one ring, its state, and the last share's outcome. */
export function TryOnButton({ ingest }: TryOnButtonProps) {
  const tryOn = useRef<TryOn | null>(null);
  const [state, setState] = useState('ready');
  const [outcome, setOutcome] = useState('');
  useEffect(() => {
    const created = createTryOn({
      product: {
        id: 'ring-aurora',
        kind: 'ring',
        image: '/ring.svg',
        anchor: { x: 0.5, y: 0.5 },
        realWidthMm: 22,
        finger: 'ring',
      },
      policy: {
        controller: { name: 'Shop Ltd', contact: 'privacy@shop.example' },
        policyUrl: '/privacy',
        policyVersion: '2025-06',
        jurisdiction: 'EU',
        storageLocation: 'Frankfurt, Germany',
      },
      assetsUrl: '/fittingroom/assets/',
      ingest,
    });
    const off = [
      created.on('state', setState),
      created.on('uploaded', (result) => setOutcome(`shared ${result.uploadId}`)),
      created.on('error', (error) => setOutcome(`error ${error.code}`)),
    ];
    tryOn.current = created;
    return () => {
      for (const unsubscribe of off) unsubscribe();
      void created.close();
    };
  }, [ingest]);
  return (
    <>
      <button type="button" onClick={() => void tryOn.current?.open()}>
        Try it on
      </button>
      <p id="tryon-state">{state}</p>
      <p role="status" id="tryon-outcome">
        {outcome}
      </p>
    </>
  );
}
