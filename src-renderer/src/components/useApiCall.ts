import { useCallback, useEffect, useState } from 'react';

/** Loads data through window.api, keeping the Chinese error message (never a raw exception) for display. */
export function useApiCall<T>(load: () => Promise<T>, deps: unknown[] = []) {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const [loading, setLoading] = useState(true);

  const reload = useCallback(() => {
    setLoading(true);
    // Promise.resolve().then: a synchronous throw (e.g. no window.api) becomes a shown error, not a crash.
    Promise.resolve()
      .then(load)
      .then((value) => {
        setData(value);
        setError(undefined);
      })
      .catch((e: unknown) => setError((e as Error).message))
      .finally(() => setLoading(false));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);

  useEffect(reload, [reload]);
  return { data, error, loading, reload };
}
