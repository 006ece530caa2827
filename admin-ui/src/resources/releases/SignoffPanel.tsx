import { useState } from 'react';
import {
  Alert, Box, Button, Card, CardContent, CardHeader, Chip, Dialog, DialogActions, DialogContent, DialogTitle, FormControlLabel, Radio, RadioGroup,
  Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography,
} from '@mui/material';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import RadioButtonUncheckedIcon from '@mui/icons-material/RadioButtonUnchecked';
import { usePermissions, useTranslate } from 'react-admin';
import { apiCall } from '../../api/http';
import { useApiAction } from '../../api/useApiAction';
import { DateTime } from '../../components/DateTime';
import { FailureAlert } from '../../components/FailureAlert';
import { useDomainLabels } from '../../i18n/labels';
import type { ReleaseDetail, ReleaseSignoff } from './types';

const SIGNING_ROLES = ['privacy_officer', 'release_manager'] as const;
type SigningRole = (typeof SIGNING_ROLES)[number];

const SignoffTable = ({ signoffs }: { signoffs: ReleaseSignoff[] }) => {
  const translate = useTranslate();
  const labels = useDomainLabels();
  return (
    <Table size="small" data-testid="signoffs">
      <TableHead>
        <TableRow>
          <TableCell>{translate('app.releases.signoff_round')}</TableCell>
          <TableCell>{translate('app.releases.signoff_who')}</TableCell>
          <TableCell>{translate('app.releases.signoff_role')}</TableCell>
          <TableCell>{translate('app.releases.signoff_decision')}</TableCell>
          <TableCell>{translate('app.releases.signoff_comment')}</TableCell>
          <TableCell>{translate('app.releases.signoff_when')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {signoffs.map((s) => (
          <TableRow key={s.id} data-role={s.role} data-decision={s.decision}>
            <TableCell>{s.round}</TableCell>
            <TableCell>{s.userName}</TableCell>
            <TableCell>{labels.role(s.role)}</TableCell>
            <TableCell>
              <Chip size="small" color={s.decision === 'approve' ? 'success' : 'error'} label={translate(`app.releases.decision_${s.decision}`)} />
            </TableCell>
            <TableCell sx={{ whiteSpace: 'pre-wrap' }}>{s.comment}</TableCell>
            <TableCell><DateTime value={s.createdAt} /></TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

/**
 * Two-person sign-off: a privacy officer and a release manager, neither the composer. Whoever holds
 * both roles chooses which one they sign as; a rejection (with its reason) returns the release to draft.
 */
export const SignoffPanel = ({ release }: { release: ReleaseDetail }) => {
  const translate = useTranslate();
  const labels = useDomainLabels();
  const { permissions: roles } = usePermissions<string[]>();
  const held = SIGNING_ROLES.filter((r) => roles?.includes(r));
  const round = release.signoffs.filter((s) => s.round === release.signoffRound && s.decision === 'approve');
  const signedRoles = new Set(round.map((s) => s.role));
  const open = held.filter((r) => !signedRoles.has(r));
  const [role, setRole] = useState<SigningRole | ''>('');
  const [comment, setComment] = useState('');
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const sign = useApiAction();
  const reject = useApiAction();
  const chosen: SigningRole | '' = role && open.includes(role) ? role : open.length === 1 ? open[0] : '';
  const inReview = release.status === 'in_review';

  const submit = async () => {
    const done = await sign.run(() => apiCall('POST', `/releases/${encodeURIComponent(release.id)}/signoffs`, { role: chosen, comment: comment.trim() }), 'app.releases.signed');
    if (done.ok) setComment('');
  };
  const submitReject = async () => {
    const done = await reject.run(() => apiCall('POST', `/releases/${encodeURIComponent(release.id)}/signoffs/reject`, { reason: reason.trim() }), 'app.releases.rejected');
    if (done.ok) { setRejecting(false); setReason(''); }
  };

  if (!release.signoffs.length && !inReview) return null;
  return (
    <Card variant="outlined" data-testid="signoff-panel">
      <CardHeader title={translate('app.releases.signoff_title')} subheader={translate('app.releases.signoff_help')}
        slotProps={{ title: { variant: 'subtitle1', component: 'h2' }, subheader: { variant: 'body2' } }} />
      <CardContent sx={{ pt: 0 }}>
        <Stack spacing={2}>
          {inReview && (
            <Stack direction="row" spacing={3} data-testid="signoff-needed">
              {SIGNING_ROLES.map((r) => (
                <Stack key={r} direction="row" spacing={0.5} alignItems="center" data-role={r} data-signed={signedRoles.has(r)}>
                  {signedRoles.has(r) ? <CheckCircleIcon color="success" fontSize="small" /> : <RadioButtonUncheckedIcon color="disabled" fontSize="small" />}
                  <Typography variant="body2">{labels.role(r)}</Typography>
                </Stack>
              ))}
            </Stack>
          )}
          {release.signoffs.length > 0 && <SignoffTable signoffs={release.signoffs} />}
          {inReview && held.length > 0 && (
            <Box component="form" onSubmit={(e) => { e.preventDefault(); void submit(); }} data-testid="signoff-form">
              <Stack spacing={1.5}>
                <FailureAlert failure={sign.failure} fieldsShown={['comment', 'role']} />
                {open.length === 0 ? (
                  <Alert severity="info">{translate('app.releases.signoff_done_roles')}</Alert>
                ) : (
                  <>
                    {open.length > 1 ? (
                      <RadioGroup row name="role" value={chosen} onChange={(e) => setRole(e.target.value as SigningRole)} data-testid="signoff-role">
                        <Typography variant="body2" sx={{ alignSelf: 'center', mr: 2 }}>{translate('app.releases.sign_as')}</Typography>
                        {open.map((r) => <FormControlLabel key={r} value={r} control={<Radio />} label={labels.role(r)} />)}
                      </RadioGroup>
                    ) : (
                      <Typography variant="body2">{translate('app.releases.signing_as', { role: labels.role(open[0]) })}</Typography>
                    )}
                    <TextField name="comment" label={translate('app.releases.signoff_comment')} value={comment} onChange={(e) => setComment(e.target.value)}
                      required multiline minRows={2} error={!!sign.failure?.fields.comment}
                      helperText={sign.failure?.fields.comment ?? translate('app.releases.comment_help')} />
                  </>
                )}
                <Stack direction="row" spacing={1}>
                  {open.length > 0 && (
                    <Button type="submit" variant="contained" disabled={sign.pending || !chosen || !comment.trim()} data-testid="signoff-submit">
                      {translate('workflow.release.actions.sign_off')}
                    </Button>
                  )}
                  <Button color="error" variant="outlined" onClick={() => { reject.clearFailure(); setRejecting(true); }} data-testid="signoff-reject">
                    {translate('workflow.release.actions.reject_signoff')}
                  </Button>
                </Stack>
              </Stack>
            </Box>
          )}
        </Stack>
      </CardContent>
      {rejecting && (
        <Dialog open onClose={() => setRejecting(false)} fullWidth maxWidth="sm">
          <DialogTitle>{translate('app.releases.reject_title', { version: release.version })}</DialogTitle>
          <DialogContent>
            <FailureAlert failure={reject.failure} fieldsShown={['reason']} />
            <TextField autoFocus fullWidth margin="dense" name="reason" label={translate('app.workflow.reason')} value={reason} onChange={(e) => setReason(e.target.value)}
              required multiline minRows={3} error={!!reject.failure?.fields.reason} helperText={reject.failure?.fields.reason ?? translate('app.workflow.reason_required')} />
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setRejecting(false)} disabled={reject.pending}>{translate('ra.action.cancel')}</Button>
            <Button color="error" variant="contained" onClick={() => void submitReject()} disabled={reject.pending || !reason.trim()}>
              {translate('workflow.release.actions.reject_signoff')}
            </Button>
          </DialogActions>
        </Dialog>
      )}
    </Card>
  );
};
