import { useState } from 'react';
import { HttpError, useNotify, useRefresh, type Identifier } from 'react-admin';
import { useQueryClient } from '@tanstack/react-query';
import { errorMessage } from '../api/http';
import { useAppDataProvider } from '../api/useAppDataProvider';

export interface ActionFailure {
  message: string;
  status: number;
  fields: Record<string, string>;
}

/** Calls `POST /api/<resource>/:id/actions/<action>` and turns a refusal into something to show. */
export function useWorkflowAction(resource: string, id: Identifier | undefined) {
  const dataProvider = useAppDataProvider();
  const refresh = useRefresh();
  const queryClient = useQueryClient();
  const notify = useNotify();
  const [pending, setPending] = useState<string | null>(null);

  async function run(action: string, body: Record<string, unknown>, doneMessage: string) {
    if (id == null) throw new Error('No record');
    setPending(action);
    try {
      const result = await dataProvider.workflowAction(resource, id, action, body);
      notify(doneMessage, { type: 'success' });
      // The record, its history and any list showing it all changed.
      await queryClient.invalidateQueries({ queryKey: [resource] });
      await queryClient.invalidateQueries({ queryKey: ['audit-events'] });
      refresh();
      return result;
    } finally {
      setPending(null);
    }
  }

  return { run, pending };
}

export function describeFailure(err: unknown): ActionFailure {
  const fields: Record<string, string> = {};
  const body = err instanceof HttpError ? (err.body as { fields?: { path: string; message: string }[] } | undefined) : undefined;
  for (const f of body?.fields ?? []) fields[f.path] = f.message;
  return { message: errorMessage(err), status: err instanceof HttpError ? err.status : 0, fields };
}
