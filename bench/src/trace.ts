import type { Browser, Page } from '@playwright/test';

/** A trace event as Chromium writes it (only the fields read here). */
interface TraceEvent {
  readonly name: string;
  readonly ph: string;
  readonly pid: number;
  readonly tid: number;
  /** Wall-clock duration, µs. */
  readonly dur?: number;
  /** Thread (CPU) duration, µs. */
  readonly tdur?: number;
  readonly args?: { name?: string };
}

/** Main-thread tasks of the renderer, from a trace: wall-clock and CPU durations in ms. */
export interface TaskTimes {
  readonly wall: number;
  readonly cpu: number;
}

// The top-level task event (its name changed across Chromium versions).
const TASK_NAMES = new Set(['ThreadControllerImpl::RunTask', 'RunTask']);

/**
 * The tasks run on renderer main threads (`CrRendererMain`) in a Chromium trace. Under CPU
 * contention a task's wall-clock time includes the time the thread waited for a core; its
 * thread time does not.
 */
export function mainThreadTasks(trace: { traceEvents: readonly TraceEvent[] }): TaskTimes[] {
  const mains = new Set(
    trace.traceEvents
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  return trace.traceEvents
    .filter((e) => e.ph === 'X' && TASK_NAMES.has(e.name) && mains.has(`${e.pid}:${e.tid}`))
    .map((e) => ({ wall: (e.dur ?? 0) / 1000, cpu: (e.tdur ?? 0) / 1000 }));
}

/** Runs `during` with a lightweight trace (top-level tasks only) of the page's renderer. */
export async function traceTasks(
  browser: Browser,
  page: Page,
  during: () => Promise<void>,
): Promise<TaskTimes[]> {
  await browser.startTracing(page, { categories: ['toplevel'] });
  let failure: unknown = null;
  try {
    await during();
  } catch (error) {
    failure = error;
  }
  const buffer = await browser.stopTracing();
  if (failure) throw failure;
  return mainThreadTasks(JSON.parse(buffer.toString('utf8')) as { traceEvents: TraceEvent[] });
}
