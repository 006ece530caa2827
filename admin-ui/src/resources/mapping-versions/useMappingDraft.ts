import { useCallback, useMemo, useRef, useState } from 'react';
import { useNotify, useRefresh } from 'react-admin';
import { apiCall } from '../../api/http';
import { describeFailure, type ActionFailure } from '../../workflow/useWorkflowAction';
import { normaliseSpec, sameSpec } from './spec-edit';
import type { MappingSpec, MappingVersionDetail } from './types';

/**
 * The steward's unsaved edits of a draft version. Edits stay in the page until Save sends the
 * whole spec (`PUT /api/mapping-versions/:id`); the server answers with its problems and warnings,
 * and coverage is measured again on what was saved.
 */
export function useMappingDraft(version: MappingVersionDetail) {
  const refresh = useRefresh();
  const notify = useNotify();
  const saved = useMemo(() => normaliseSpec(version.spec), [version.spec]);
  const savedRef = useRef(saved);
  savedRef.current = saved;
  const [draft, setDraft] = useState<MappingSpec | null>(null);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const spec = draft ?? saved;
  const dirty = draft !== null && !sameSpec(draft, saved);

  const update = useCallback((edit: (s: MappingSpec) => MappingSpec) => setDraft((d) => edit(d ?? savedRef.current)), []);

  const save = async () => {
    if (!draft) return;
    setSaving(true);
    setFailure(null);
    try {
      await apiCall('PUT', `/mapping-versions/${version.id}`, { spec: draft });
      setDraft(null);
      notify('app.mapping.saved', { type: 'success' });
      refresh();
    } catch (err) {
      setFailure(describeFailure(err));
    } finally {
      setSaving(false);
    }
  };

  return { spec, dirty, saving, failure, update, save, discard: () => { setDraft(null); setFailure(null); } };
}
