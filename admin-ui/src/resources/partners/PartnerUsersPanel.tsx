import { useState } from 'react';
import {
  Alert, Box, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, Stack, Table, TableBody, TableCell,
  TableHead, TableRow, TextField, Typography,
} from '@mui/material';
import PersonAddIcon from '@mui/icons-material/PersonAdd';
import { useQuery } from '@tanstack/react-query';
import { useRecordContext, useTranslate } from 'react-admin';
import { apiCall } from '../../api/http';
import { useApiAction } from '../../api/useApiAction';
import { DateTime } from '../../components/DateTime';
import { FailureAlert } from '../../components/FailureAlert';
import { Mono } from '../../components/JsonBlock';
import { UserStatusChip } from '../users/UserStatusChip';
import type { PartnerDetail } from './types';

interface PartnerUser {
  id: string;
  name: string;
  email: string;
  active: boolean;
  lastLoginAt: string | null;
  createdAt: string;
}

/** People of the partner who may sign in to upload its files and follow them. */
export const PartnerUsersPanel = () => {
  const partner = useRecordContext<PartnerDetail>();
  const translate = useTranslate();
  const [inviting, setInviting] = useState(false);
  const [oneTime, setOneTime] = useState<{ email: string; password: string } | null>(null);
  const { data: people, error } = useQuery({
    // Under ['partners'] so the page's refresh after an invitation reloads it.
    queryKey: ['partners', partner?.id, 'users'],
    queryFn: () => apiCall<PartnerUser[]>('GET', `/partners/${partner!.id}/users`),
    enabled: !!partner,
  });
  if (!partner) return null;
  const f = (name: string) => translate(`resources.users.fields.${name}`);
  return (
    <Box data-testid="partner-users-panel">
      {partner.status !== 'offboarded' && (
        <Button startIcon={<PersonAddIcon />} onClick={() => setInviting(true)} sx={{ mb: 1 }}>{translate('app.partner_users.invite')}</Button>
      )}
      {error ? <Alert severity="error">{error.message}</Alert> : !people?.length ? (
        <Typography color="text.secondary">{translate('app.partner_users.empty')}</Typography>
      ) : (
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{f('name')}</TableCell>
              <TableCell>{f('email')}</TableCell>
              <TableCell>{f('active')}</TableCell>
              <TableCell>{f('lastLoginAt')}</TableCell>
              <TableCell>{f('createdAt')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {people.map((u) => (
              <TableRow key={u.id}>
                <TableCell>{u.name}</TableCell>
                <TableCell>{u.email}</TableCell>
                <TableCell><UserStatusChip active={u.active} /></TableCell>
                <TableCell><DateTime value={u.lastLoginAt} /></TableCell>
                <TableCell><DateTime value={u.createdAt} /></TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {inviting && (
        <InviteDialog partnerId={partner.id} onClose={() => setInviting(false)} onInvited={(email, password) => { setInviting(false); setOneTime({ email, password }); }} />
      )}
      {oneTime && <OneTimePasswordDialog {...oneTime} onClose={() => setOneTime(null)} />}
    </Box>
  );
};

const InviteDialog = ({ partnerId, onClose, onInvited }: { partnerId: string; onClose(): void; onInvited(email: string, password: string): void }) => {
  const translate = useTranslate();
  const invite = useApiAction();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const submit = async () => {
    const r = await invite.run(() => apiCall<{ temporaryPassword: string; user: { email: string } }>('POST', `/partners/${partnerId}/users`, { name, email }));
    if (r.ok) onInvited(r.value.user.email, r.value.temporaryPassword);
  };
  return (
    <Dialog open onClose={invite.pending ? undefined : onClose} fullWidth maxWidth="xs">
      <form onSubmit={(e) => { e.preventDefault(); void submit(); }}>
        <DialogTitle>{translate('app.partner_users.invite')}</DialogTitle>
        <DialogContent>
          <FailureAlert failure={invite.failure} fieldsShown={['name', 'email']} />
          <DialogContentText variant="body2">{translate('app.partner_users.invite_help')}</DialogContentText>
          <TextField autoFocus fullWidth margin="dense" name="name" required label={translate('resources.users.fields.name')} value={name}
            onChange={(e) => setName(e.target.value)} error={!!invite.failure?.fields.name} helperText={invite.failure?.fields.name} />
          <TextField fullWidth margin="dense" name="email" type="email" required label={translate('resources.users.fields.email')} value={email}
            onChange={(e) => setEmail(e.target.value)} error={!!invite.failure?.fields.email} helperText={invite.failure?.fields.email} />
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose} disabled={invite.pending}>{translate('ra.action.cancel')}</Button>
          <Button type="submit" variant="contained" disabled={invite.pending || !name.trim() || !email.trim()}>{translate('app.partner_users.send_invite')}</Button>
        </DialogActions>
      </form>
    </Dialog>
  );
};

/** The temporary password exists only in this dialog: the server keeps its hash and cannot show it again. */
const OneTimePasswordDialog = ({ email, password, onClose }: { email: string; password: string; onClose(): void }) => {
  const translate = useTranslate();
  const [copied, setCopied] = useState(false);
  return (
    <Dialog open fullWidth maxWidth="sm" data-testid="one-time-password-dialog">
      <DialogTitle>{translate('app.partner_users.password_title')}</DialogTitle>
      <DialogContent>
        <Alert severity="warning" sx={{ mb: 2 }}>{translate('app.partner_users.password_once')}</Alert>
        <Stack spacing={1}>
          <Typography variant="body2">{translate('app.partner_users.password_for', { email })}</Typography>
          <Box sx={{ p: 1.5, bgcolor: 'action.hover', borderRadius: 1, fontSize: 20 }}>
            <Mono testId="one-time-password">{password}</Mono>
          </Box>
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={() => void navigator.clipboard?.writeText(password).then(() => setCopied(true))}>
          {translate(copied ? 'app.common.copied' : 'app.common.copy')}
        </Button>
        <Button variant="contained" onClick={onClose}>{translate('app.partner_users.password_done')}</Button>
      </DialogActions>
    </Dialog>
  );
};
