import { useEffect } from 'react';

/** Calls `poll` now and every `ms` while mounted (and `active`), again whenever `deps` change; stopped on unmount. */
export function usePoll(poll: (stopped: () => boolean) => Promise<void>, ms: number, deps: unknown[], active = true) {
  useEffect(() => {
    if (!active) return;
    let stopped = false;
    const run = () => void poll(() => stopped);
    run();
    const timer = setInterval(run, ms);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller names what the poll depends on
  }, [...deps, active, ms]);
}
