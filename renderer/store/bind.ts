import { useCallback, useSyncExternalStore } from 'react';
import type { StoreApi } from 'zustand/vanilla';

const identity = <T>(value: T): T => value;

/** The store as components use it: a hook over a selector, with the store's own methods on it. */
export type BoundStore<T> = StoreApi<T> & {
  (): T;
  <U>(selector: (state: T) => U): U;
};

/**
 * A React hook over a zustand store, as zustand's own `create` makes, with one difference: while
 * React renders on the server or hydrates the first screen written into the page, it reads
 * `hydrationState()` (the state that first screen was drawn from), not the state the store was
 * created with. zustand's hook gives React the initial state for that (`getInitialState`), so a
 * first screen rendered from the cached list would be hydrated as the "Starting…" splash and
 * thrown away (docs/first-screen.md).
 */
export function bindStore<T>(api: StoreApi<T>, hydrationState: () => T | null): BoundStore<T> {
  function useBound<U>(selector: (state: T) => U = identity as (state: T) => U): U {
    const read = useCallback(() => selector(api.getState()), [selector]);
    // While a first screen is rendered or taken over, the state it was drawn from: a change that
    // arrives while React takes the markup over (it may take several passes) would not match the
    // markup; React renders it just after, from `read`.
    const readServer = useCallback(() => selector(hydrationState() ?? api.getState()), [selector]);
    return useSyncExternalStore(api.subscribe, read, readServer);
  }
  return Object.assign(useBound, api) as BoundStore<T>;
}
