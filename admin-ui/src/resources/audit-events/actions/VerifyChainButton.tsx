import { useState } from 'react';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle } from '@mui/material';
import VerifiedIcon from '@mui/icons-material/VerifiedUser';
import { usePermissions, useTranslate } from 'react-admin';
import { errorMessage } from '../../../api/http';
import type { AuditVerification } from '../../../api/dataProvider';
import { useAppDataProvider } from '../../../api/useAppDataProvider';
import { rolesAllow } from '../../../auth/permissions';

/** Walks the hash chain on the server and says whether any event was altered (admin, privacy officer). */
export const VerifyChainButton = () => {
  const { permissions: roles } = usePermissions<string[]>();
  const translate = useTranslate();
  const dataProvider = useAppDataProvider();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ result?: AuditVerification; error?: string } | null>(null);
  if (!rolesAllow(roles ?? [], 'audit.verify')) return null;

  const verify = async () => {
    setBusy(true);
    try {
      setOutcome({ result: await dataProvider.verifyAuditChain() });
    } catch (err) {
      setOutcome({ error: errorMessage(err) });
    } finally {
      setBusy(false);
    }
  };
  const result = outcome?.result;
  const link = result?.firstBrokenLink;
  return (
    <>
      <Button size="small" startIcon={<VerifiedIcon />} onClick={verify} disabled={busy}>
        {translate('app.audit.verify')}
      </Button>
      <Dialog open={!!outcome} onClose={() => setOutcome(null)} maxWidth="sm" fullWidth>
        <DialogTitle>{translate('app.audit.verify')}</DialogTitle>
        <DialogContent>
          {outcome?.error && <Alert severity="error">{translate(outcome.error, { _: outcome.error })}</Alert>}
          {result && (
            <Alert severity={result.ok ? 'success' : 'error'} data-testid="audit-verify-result">
              {result.ok
                ? translate('app.audit.verify_ok', { count: result.eventsChecked })
                : translate('app.audit.verify_broken', {
                    count: result.eventsChecked,
                    link: typeof link === 'object' ? JSON.stringify(link) : String(link),
                  })}
            </Alert>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOutcome(null)}>{translate('ra.action.close')}</Button>
        </DialogActions>
      </Dialog>
    </>
  );
};
