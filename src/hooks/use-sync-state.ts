/**
 * State that key handlers can read at once. React applies updates in batches, so when two keys arrive
 * together (↓ then Enter, or a fast typist) the second handler would still see the state from before the
 * first; these hooks keep a ref in step with every update and give handlers a getter.
 */
import { useCallback, useRef, useState } from 'react';

/** useState, plus a getter that already includes updates React has not rendered yet. */
export function useSyncState<T>(
  initial: T | (() => T),
): [T, (next: T | ((previous: T) => T)) => void, () => T] {
  const [value, setValue] = useState(initial);
  const ref = useRef(value);
  const set = useCallback((next: T | ((previous: T) => T)) => {
    ref.current = typeof next === 'function' ? (next as (previous: T) => T)(ref.current) : next;
    setValue(ref.current);
  }, []);
  const get = useCallback(() => ref.current, []);
  return [value, set, get];
}

/** useReducer, plus a getter that already includes actions React has not rendered yet. */
export function useSyncReducer<S, A>(
  reducer: (state: S, action: A) => S,
  initial: S,
): [S, (action: A) => void, () => S] {
  const [value, setValue] = useState(initial);
  const ref = useRef(value);
  const dispatch = useCallback(
    (action: A) => {
      ref.current = reducer(ref.current, action);
      setValue(ref.current);
    },
    [reducer],
  );
  const get = useCallback(() => ref.current, []);
  return [value, dispatch, get];
}
