import { TryOnButton } from './TryOnButton';

/** A server component: the ingest server is a run-time setting of the deployment. */
export default function Page() {
  const endpoint = process.env.FR_INGEST;
  const ingest = endpoint ? { endpoint, publishableKey: 'pk_consumer_shop' } : undefined;
  return (
    <main>
      <h1>Aurora ring</h1>
      <TryOnButton ingest={ingest} />
    </main>
  );
}
