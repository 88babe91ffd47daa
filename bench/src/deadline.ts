// A deadline for one step of a benchmark: a browser step that waits for an event which never
// comes would otherwise idle the whole run for ever (the accuracy run of session 4 did).

/** Thrown when a step runs out of time; its message names the step and what was seen then. */
export class StepTimeout extends Error {
  override readonly name = 'StepTimeout';
}

const duration = (ms: number) => (ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`);

/**
 * `work`, or a {@link StepTimeout} naming `step` once `ms` have passed; `explain` may add what
 * the page was doing at that moment (its own failure is reported instead of its answer).
 */
export async function withDeadline<T>(
  step: string,
  ms: number,
  work: Promise<T>,
  explain?: () => Promise<string>,
): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const seen = explain
        ? explain().then(
            (text) => `; ${text}`,
            (error: unknown) => `; state unknown (${String(error)})`,
          )
        : Promise.resolve('');
      void seen.then((text) =>
        reject(new StepTimeout(`${step} did not finish in ${duration(ms)}${text}`)),
      );
    }, ms);
  });
  work.catch(() => {}); // once timed out, a late failure of the abandoned step is not unhandled
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}
