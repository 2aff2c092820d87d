/**
 * Runs jobs one at a time, in the order they were added. A failed job fails its own caller
 * only; the next job still runs.
 */
export function createSerialQueue() {
  let tail: Promise<void> = Promise.resolve();
  return {
    /** Runs `job` after every job added before it has settled. */
    run<T>(job: () => Promise<T>): Promise<T> {
      const result = tail.then(job);
      tail = result.then(
        () => undefined,
        () => undefined,
      );
      return result;
    },
  };
}

export type SerialQueue = ReturnType<typeof createSerialQueue>;
