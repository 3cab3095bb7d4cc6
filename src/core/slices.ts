/**
 * Long computations written once as step generators (a `yield` marks where the work may pause) and run
 * either at once or in slices that give the event loop back every few milliseconds, so a refresh of
 * thousands of items runs beside chat commands instead of in front of them.
 */

/** Runs the steps to the end without pausing. */
export function runToEnd<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Runs the steps, pausing (setImmediate: after pending I/O) whenever about `sliceMs` have passed. */
export async function runInSlices<T>(steps: Generator<void, T>, sliceMs = 8): Promise<T> {
  let sliceStart = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - sliceStart >= sliceMs) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      sliceStart = performance.now();
    }
  }
}
