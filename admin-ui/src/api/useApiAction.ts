import { useCallback, useState } from 'react';
import { useNotify, useRefresh } from 'react-admin';
import { describeFailure, type ActionFailure } from '../workflow/useWorkflowAction';

/**
 * Runs one API call from a dialog or button: tracks it, keeps the server's refusal (message and
 * field messages) to show in place, and on success notifies and refreshes the page's data.
 */
export function useApiAction() {
  const refresh = useRefresh();
  const notify = useNotify();
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<ActionFailure | null>(null);

  const run = useCallback(async <T,>(call: () => Promise<T>, doneMessage?: string): Promise<{ ok: true; value: T } | { ok: false }> => {
    setPending(true);
    setFailure(null);
    try {
      const value = await call();
      if (doneMessage) notify(doneMessage, { type: 'success' });
      refresh();
      return { ok: true, value };
    } catch (err) {
      setFailure(describeFailure(err));
      return { ok: false };
    } finally {
      setPending(false);
    }
  }, [notify, refresh]);

  return { run, pending, failure, clearFailure: () => setFailure(null) };
}
