import { useState, type ChangeEvent } from 'react';
import {
  Box, Button, Checkbox, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, FormControlLabel, IconButton,
  Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Tooltip, Typography,
} from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/DeleteOutline';
import EditIcon from '@mui/icons-material/Edit';
import StarIcon from '@mui/icons-material/Star';
import StarBorderIcon from '@mui/icons-material/StarBorder';
import { usePermissions, useRecordContext, useTranslate } from 'react-admin';
import { apiCall } from '../../api/http';
import { useApiAction } from '../../api/useApiAction';
import { rolesAllow } from '../../auth/permissions';
import { FailureAlert } from '../../components/FailureAlert';
import type { Contact, PartnerDetail } from './types';

type ContactDraft = Pick<Contact, 'name' | 'email' | 'isPrimary'> & { phone: string; function: string };

const empty: ContactDraft = { name: '', email: '', phone: '', function: '', isPrimary: false };

/** The partner's contacts; exactly one may be primary (the star), which activation requires. */
export const ContactsPanel = () => {
  const partner = useRecordContext<PartnerDetail>();
  const translate = useTranslate();
  const { permissions: roles } = usePermissions<string[]>();
  const canManage = rolesAllow(roles ?? [], 'partners.manage');
  const [editing, setEditing] = useState<{ contact: Contact | null } | null>(null);
  const [removing, setRemoving] = useState<Contact | null>(null);
  const star = useApiAction();
  const remove = useApiAction();
  if (!partner) return null;
  const f = (name: string) => translate(`app.contacts.fields.${name}`);

  return (
    <Box data-testid="contacts-panel">
      {canManage && (
        <Button startIcon={<AddIcon />} onClick={() => setEditing({ contact: null })} sx={{ mb: 1 }}>
          {translate('app.contacts.add')}
        </Button>
      )}
      <FailureAlert failure={star.failure} />
      {partner.contacts.length === 0 ? (
        <Typography color="text.secondary">{translate('app.contacts.empty')}</Typography>
      ) : (
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell padding="checkbox">{f('isPrimary')}</TableCell>
              <TableCell>{f('name')}</TableCell>
              <TableCell>{f('email')}</TableCell>
              <TableCell>{f('phone')}</TableCell>
              <TableCell>{f('function')}</TableCell>
              {canManage && <TableCell />}
            </TableRow>
          </TableHead>
          <TableBody>
            {partner.contacts.map((c) => (
              <TableRow key={c.id} data-testid="contact-row" data-primary={c.isPrimary}>
                <TableCell padding="checkbox">
                  <Tooltip title={translate(c.isPrimary ? 'app.contacts.is_primary' : 'app.contacts.make_primary')}>
                    <span>
                      <IconButton
                        size="small"
                        color={c.isPrimary ? 'warning' : 'default'}
                        aria-label={translate(c.isPrimary ? 'app.contacts.is_primary' : 'app.contacts.make_primary')}
                        disabled={!canManage || c.isPrimary || star.pending}
                        onClick={() => void star.run(() => apiCall('PUT', `/partner-contacts/${c.id}`, { isPrimary: true }), 'app.contacts.primary_done')}
                      >
                        {c.isPrimary ? <StarIcon /> : <StarBorderIcon />}
                      </IconButton>
                    </span>
                  </Tooltip>
                </TableCell>
                <TableCell>{c.name}</TableCell>
                <TableCell>{c.email}</TableCell>
                <TableCell>{c.phone}</TableCell>
                <TableCell>{c.function}</TableCell>
                {canManage && (
                  <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                    <IconButton size="small" aria-label={translate('ra.action.edit')} onClick={() => setEditing({ contact: c })}><EditIcon fontSize="small" /></IconButton>
                    <IconButton size="small" aria-label={translate('ra.action.delete')} onClick={() => setRemoving(c)}><DeleteIcon fontSize="small" /></IconButton>
                  </TableCell>
                )}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {editing && <ContactDialog partnerId={partner.id} contact={editing.contact} onClose={() => setEditing(null)} />}
      <Dialog open={!!removing} onClose={() => setRemoving(null)}>
        <DialogTitle>{translate('app.contacts.remove_title', { name: removing?.name ?? '' })}</DialogTitle>
        <DialogContent>
          <FailureAlert failure={remove.failure} />
          <DialogContentText>{translate(removing?.isPrimary ? 'app.contacts.remove_primary_warning' : 'app.contacts.remove_content')}</DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setRemoving(null)}>{translate('ra.action.cancel')}</Button>
          <Button color="error" variant="contained" disabled={remove.pending}
            onClick={async () => {
              const r = await remove.run(() => apiCall('DELETE', `/partner-contacts/${removing!.id}`), 'app.contacts.removed');
              if (r.ok) setRemoving(null);
            }}>
            {translate('ra.action.delete')}
          </Button>
        </DialogActions>
      </Dialog>
    </Box>
  );
};

const ContactDialog = ({ partnerId, contact, onClose }: { partnerId: string; contact: Contact | null; onClose(): void }) => {
  const translate = useTranslate();
  const [draft, setDraft] = useState<ContactDraft>(
    contact ? { name: contact.name, email: contact.email, phone: contact.phone ?? '', function: contact.function ?? '', isPrimary: contact.isPrimary } : empty,
  );
  const save = useApiAction();
  const set = (k: keyof ContactDraft) => (e: ChangeEvent<HTMLInputElement>) =>
    setDraft({ ...draft, [k]: k === 'isPrimary' ? e.target.checked : e.target.value });
  const submit = async () => {
    const body = { ...draft, phone: draft.phone || null, function: draft.function || null };
    const r = await save.run(
      () => (contact ? apiCall('PUT', `/partner-contacts/${contact.id}`, body) : apiCall('POST', `/partners/${partnerId}/contacts`, body)),
      contact ? 'app.contacts.saved' : 'app.contacts.added',
    );
    if (r.ok) onClose();
  };
  const field = (name: 'name' | 'email' | 'phone' | 'function', extra: { required?: boolean; type?: string } = {}) => (
    <TextField
      fullWidth margin="dense" name={name} label={translate(`app.contacts.fields.${name}`)} value={draft[name]} onChange={set(name)}
      error={!!save.failure?.fields[name]} helperText={save.failure?.fields[name]} {...extra}
    />
  );
  return (
    <Dialog open onClose={save.pending ? undefined : onClose} fullWidth maxWidth="sm">
      <form onSubmit={(e) => { e.preventDefault(); void submit(); }}>
        <DialogTitle>{translate(contact ? 'app.contacts.edit_title' : 'app.contacts.add')}</DialogTitle>
        <DialogContent>
          <FailureAlert failure={save.failure} fieldsShown={['name', 'email', 'phone', 'function']} />
          <Stack>
            {field('name', { required: true })}
            {field('email', { required: true, type: 'email' })}
            {field('phone')}
            {field('function')}
            <FormControlLabel control={<Checkbox name="isPrimary" checked={draft.isPrimary} onChange={set('isPrimary')} />} label={translate('app.contacts.primary_label')} />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose} disabled={save.pending}>{translate('ra.action.cancel')}</Button>
          <Button type="submit" variant="contained" disabled={save.pending || !draft.name.trim() || !draft.email.trim()}>{translate('ra.action.save')}</Button>
        </DialogActions>
      </form>
    </Dialog>
  );
};
