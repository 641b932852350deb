// Runs a call to main for a button or form and keeps what the seller must see: whether it is still going, and the
// error of the last attempt (cleared when the next one starts), so no screen writes its own try/catch.
import { useCallback, useState } from 'react';
import { CallError } from '../api/errors';

/** Runs `call`; resolves true when it succeeded, false when it failed (the error is then in `error`). Never throws. */
export type Guard = (call: () => Promise<unknown>) => Promise<boolean>;

export function useGuardedCall(): { error: CallError | null; busy: boolean; guard: Guard } {
  const [error, setError] = useState<CallError | null>(null);
  const [busy, setBusy] = useState(false);
  const guard = useCallback<Guard>(async (call) => {
    setError(null);
    setBusy(true);
    try {
      await call();
      return true;
    } catch (e) {
      setError(CallError.from(e));
      return false;
    } finally {
      setBusy(false);
    }
  }, []);
  return { error, busy, guard };
}
