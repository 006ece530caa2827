import { useEffect, useRef } from 'react';
import { useQueryClient } from '@tanstack/react-query';

/**
 * A page that polls its record sees its state change without the audit panel knowing: when the
 * state moves (a job finished, another person decided), the history is fetched again.
 */
export function useHistoryRefresh(state: string | undefined) {
  const queryClient = useQueryClient();
  const seen = useRef(state);
  useEffect(() => {
    if (seen.current !== undefined && state !== seen.current) void queryClient.invalidateQueries({ queryKey: ['audit-events'] });
    seen.current = state;
  }, [state, queryClient]);
}
