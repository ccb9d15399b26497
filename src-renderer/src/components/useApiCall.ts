import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * Loads data through window.api, keeping the Chinese error message (never a raw exception) for display.
 * Only the latest call's answer is shown: a slow answer to an older query (typing in a search box) never
 * overwrites a newer one.
 */
export function useApiCall<T>(load: () => Promise<T>, deps: unknown[] = []) {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const [loading, setLoading] = useState(true);
  const latest = useRef(0);

  const reload = useCallback(() => {
    const call = ++latest.current;
    setLoading(true);
    // Promise.resolve().then: a synchronous throw (e.g. no window.api) becomes a shown error, not a crash.
    Promise.resolve()
      .then(load)
      .then((value) => {
        if (call !== latest.current) return;
        setData(value);
        setError(undefined);
      })
      .catch((e: unknown) => {
        if (call === latest.current) setError((e as Error).message);
      })
      .finally(() => {
        if (call === latest.current) setLoading(false);
      });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);

  useEffect(reload, [reload]);
  return { data, error, loading, reload };
}
