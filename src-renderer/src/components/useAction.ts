import { useCallback, useState } from 'react';
import { errorText } from './files';

/**
 * A button's action through window.api: `busy` while it runs, the Chinese message of a refusal in `error`
 * (cleared when it runs again). `run` resolves to the action's value, or undefined when it failed.
 */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const run = useCallback(async <T>(action: () => Promise<T>): Promise<T | undefined> => {
    setBusy(true);
    setError(undefined);
    try {
      return await action();
    } catch (e) {
      setError(errorText(e));
      return undefined;
    } finally {
      setBusy(false);
    }
  }, []);
  return { run, busy, error, setError };
}
