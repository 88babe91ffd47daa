import { API } from '@fittingroom/protocol';
import type { FastifyInstance } from 'fastify';
import type { Storage } from '../storage/types.js';

/** One dependency `/readyz` checks: resolves when usable, rejects (or times out) when not. */
export interface ReadinessCheck {
  /** Named in the answer, e.g. `storage`, `redis`. */
  readonly name: string;
  check(): Promise<void>;
}

/** How long one readiness check may take before it counts as failed. */
const CHECK_TIMEOUT_MS = 2000;

/** Storage is ready when a small object can be written and removed (full or read-only: not). */
export function storageWritable(storage: Storage): ReadinessCheck {
  return {
    name: 'storage',
    async check() {
      await storage.put('health/ready-probe', new TextEncoder().encode('ok'));
      await storage.delete('health/ready-probe');
    },
  };
}

function withTimeout(check: ReadinessCheck): Promise<'ok' | 'failed'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'failed'>((resolve) => {
    timer = setTimeout(() => resolve('failed'), CHECK_TIMEOUT_MS);
  });
  const run = check.check().then(
    () => 'ok' as const,
    () => 'failed' as const,
  );
  return Promise.race([run, timeout]).finally(() => clearTimeout(timer));
}

/**
 * `GET /healthz`: the process is up and serving (liveness: restart it if this fails).
 * `GET /readyz`: every check passes (readiness: send it traffic); 503 naming the failed ones.
 * Checks run one readiness request at a time, so a load balancer polling hard costs one probe.
 */
export function healthRoutes(app: FastifyInstance, checks: readonly ReadinessCheck[]): void {
  app.get(API.health, async () => ({ status: 'ok' }));
  let running: Promise<Record<string, 'ok' | 'failed'>> | null = null;
  const runChecks = async (): Promise<Record<string, 'ok' | 'failed'>> => {
    const results = await Promise.all(checks.map(withTimeout));
    return Object.fromEntries(checks.map((check, i) => [check.name, results[i] ?? 'failed']));
  };
  app.get(API.ready, async (_request, reply) => {
    running ??= runChecks().finally(() => {
      running = null;
    });
    const results = await running;
    const ready = Object.values(results).every((result) => result === 'ok');
    return reply
      .status(ready ? 200 : 503)
      .header('cache-control', 'no-store')
      .send({ status: ready ? 'ready' : 'unavailable', checks: results });
  });
}
