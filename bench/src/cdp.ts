import type { CDPSession, Page } from '@playwright/test';

/** Sends one DevTools Protocol command to a target (the page, or one of its workers). */
export type Send = (method: string, params?: Record<string, unknown>) => Promise<unknown>;

/** DevTools access to a page and to the dedicated workers it starts. */
export interface Inspector {
  /** Commands to the page's main thread. */
  readonly page: Send;
  /** Commands to each worker now alive, by target id. */
  workers(): Map<string, Send>;
  close(): Promise<void>;
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

interface AttachedEvent {
  sessionId: string;
  targetInfo: { targetId: string; type: string };
}

/**
 * Attaches to the page and auto-attaches to its workers. Playwright's CDPSession only talks to
 * the page, so worker commands go through `Target.sendMessageToTarget` (non-flattened sessions).
 */
export async function inspect(page: Page): Promise<Inspector> {
  const session: CDPSession = await page.context().newCDPSession(page);
  const workers = new Map<string, Send>();
  const pending = new Map<number, Pending>();
  let nextId = 1;
  const sendTo =
    (sessionId: string): Send =>
    (method, params = {}) =>
      new Promise((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { resolve, reject });
        const message = JSON.stringify({ id, method, params });
        session.send('Target.sendMessageToTarget', { sessionId, message }).catch(reject);
      });
  session.on('Target.attachedToTarget', (event: AttachedEvent) => {
    if (event.targetInfo.type === 'worker') {
      workers.set(event.targetInfo.targetId, sendTo(event.sessionId));
    }
  });
  session.on('Target.detachedFromTarget', (event: { targetId?: string }) => {
    if (event.targetId) workers.delete(event.targetId);
  });
  session.on('Target.receivedMessageFromTarget', (event: { message: string }) => {
    const reply = JSON.parse(event.message) as {
      id?: number;
      result?: unknown;
      error?: { message: string };
    };
    if (reply.id === undefined) return;
    const waiter = pending.get(reply.id);
    pending.delete(reply.id);
    if (reply.error) waiter?.reject(new Error(reply.error.message));
    else waiter?.resolve(reply.result);
  });
  await session.send('Target.setAutoAttach', {
    autoAttach: true,
    waitForDebuggerOnStart: false,
    flatten: false,
  });
  const pageSend: Send = (method, params) =>
    session.send(method as 'Runtime.evaluate', params as never) as Promise<unknown>;
  return {
    page: pageSend,
    workers: () => new Map(workers),
    async close() {
      for (const waiter of pending.values()) waiter.reject(new Error('inspector closed'));
      pending.clear();
      await session.detach().catch(() => {});
    },
  };
}

/** Memory of one JavaScript thread after a full garbage collection, in bytes. */
export interface ThreadMemory {
  /** Live JS heap objects. */
  readonly jsHeap: number;
  /** Sum of the sizes of every live WebAssembly.Memory (wasm linear memory never shrinks). */
  readonly wasm: number;
}

/** Collects garbage on the thread, then reads its JS heap and its live wasm memory. */
export async function threadMemory(send: Send): Promise<ThreadMemory> {
  await send('HeapProfiler.collectGarbage');
  const heap = (await send('Runtime.getHeapUsage')) as { usedSize: number };
  // Read through the pages' wasm probe (Runtime.queryObjects hangs while wasm is running).
  const wasm = (await send('Runtime.evaluate', {
    expression: 'globalThis.__wasmMemoryBytes?.() ?? 0',
    returnByValue: true,
  })) as { result: { value: number } };
  return { jsHeap: heap.usedSize, wasm: wasm.result.value };
}

/** Memory of the page and of all its workers, summed per kind. */
export async function pageMemory(
  inspector: Inspector,
): Promise<{ main: ThreadMemory; workers: ThreadMemory; workerCount: number }> {
  const main = await threadMemory(inspector.page);
  let jsHeap = 0;
  let wasm = 0;
  const alive = inspector.workers();
  for (const send of alive.values()) {
    const m = await threadMemory(send);
    jsHeap += m.jsHeap;
    wasm += m.wasm;
  }
  return { main, workers: { jsHeap, wasm }, workerCount: alive.size };
}
