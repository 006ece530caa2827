import { useState } from 'react';
import {
  Box, Button, Chip, Dialog, DialogActions, DialogContent, DialogTitle, Link as MuiLink, Stack, Table, TableBody, TableCell, TableHead,
  TableRow, Typography, type ChipProps,
} from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import DownloadIcon from '@mui/icons-material/Download';
import EditIcon from '@mui/icons-material/Edit';
import UploadIcon from '@mui/icons-material/UploadFile';
import { useLocaleState, usePermissions, useRecordContext, useRefresh, useTranslate, useNotify } from 'react-admin';
import { formatBytes } from '../../api/upload';
import { rolesAllow } from '../../auth/permissions';
import { FileDrop } from '../../components/FileDrop';
import { useDomainLabels } from '../../i18n/labels';
import { WORKFLOWS } from '../../workflow';
import { WorkflowActions } from '../../workflow/WorkflowActions';
import { STANDARD_GROUPS } from '../../standard';
import { AgreementDialog } from './AgreementDialog';
import type { Agreement, AgreementStatus, PartnerDetail } from './types';

const AGREEMENT_MAX_BYTES = 20 * 1024 * 1024;
const COLORS: Record<AgreementStatus, ChipProps['color']> = { draft: 'default', signed: 'success', expired: 'warning', terminated: 'error' };

export function useFormatDate() {
  const [locale] = useLocaleState();
  return (iso: string | null | undefined) => (iso ? new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${iso.slice(0, 10)}T00:00:00Z`)) : '');
}

/** Agreement versions, newest first: drafts are edited and get their signed PDF, then are signed. */
export const AgreementsPanel = () => {
  const partner = useRecordContext<PartnerDetail>();
  const translate = useTranslate();
  const labels = useDomainLabels();
  const formatDate = useFormatDate();
  const [locale] = useLocaleState();
  const { permissions: roles } = usePermissions<string[]>();
  const canManage = rolesAllow(roles ?? [], 'partners.manage');
  const canDownload = rolesAllow(roles ?? [], 'agreements.document');
  const [editing, setEditing] = useState<{ agreement: Agreement | null } | null>(null);
  const [uploading, setUploading] = useState<Agreement | null>(null);
  if (!partner) return null;
  const f = (name: string) => translate(`app.agreements.fields.${name}`);

  return (
    <Box data-testid="agreements-panel">
      {canManage && partner.status !== 'offboarded' && (
        <Button startIcon={<AddIcon />} onClick={() => setEditing({ agreement: null })} sx={{ mb: 1 }}>{translate('app.agreements.new')}</Button>
      )}
      {partner.agreements.length === 0 ? (
        <Typography color="text.secondary">{translate('app.agreements.empty')}</Typography>
      ) : (
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{f('version')}</TableCell>
              <TableCell>{f('status')}</TableCell>
              <TableCell>{f('signedDate')}</TableCell>
              <TableCell>{f('effectiveDate')}</TableCell>
              <TableCell>{f('expiryDate')}</TableCell>
              <TableCell>{f('scopeGroups')}</TableCell>
              <TableCell>{f('document')}</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {partner.agreements.map((a) => (
              <TableRow key={a.id} data-testid="agreement-row" data-version={a.version} data-status={a.status}>
                <TableCell>v{a.version}</TableCell>
                <TableCell><Chip size="small" color={COLORS[a.status]} label={labels.state('agreement', a.status)} /></TableCell>
                <TableCell>{formatDate(a.signedDate)}</TableCell>
                <TableCell>{formatDate(a.effectiveDate)}</TableCell>
                <TableCell>{formatDate(a.expiryDate)}</TableCell>
                <TableCell>
                  {STANDARD_GROUPS.every((g) => a.scopeGroups.includes(g)) ? (
                    <Chip size="small" variant="outlined" label={translate('app.agreements.all_groups')} />
                  ) : (
                    <Stack direction="row" spacing={0.5} useFlexGap flexWrap="wrap">
                      {a.scopeGroups.map((g) => <Chip key={g} size="small" variant="outlined" label={translate(`app.standard_groups.${g}`, { _: g })} />)}
                    </Stack>
                  )}
                  <Typography variant="caption" color="text.secondary" component="div" sx={{ mt: 0.5 }}>{a.attribution}</Typography>
                </TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  {a.hasDocument ? (
                    canDownload ? (
                      <MuiLink href={`/api/agreements/${a.id}/document`} download data-testid="agreement-download" sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5 }}>
                        <DownloadIcon fontSize="small" />{a.documentName ?? 'PDF'} ({formatBytes(a.documentSize, locale)})
                      </MuiLink>
                    ) : <Typography variant="body2">{a.documentName}</Typography>
                  ) : (
                    <Typography variant="body2" color="text.secondary">{translate('app.agreements.no_document')}</Typography>
                  )}
                </TableCell>
                <TableCell align="right">
                  <Stack direction="row" spacing={1} justifyContent="flex-end" alignItems="center">
                    {canManage && a.status === 'draft' && (
                      <>
                        <Button size="small" startIcon={<EditIcon />} onClick={() => setEditing({ agreement: a })}>{translate('ra.action.edit')}</Button>
                        <Button size="small" startIcon={<UploadIcon />} onClick={() => setUploading(a)} data-testid="agreement-upload">
                          {translate(a.hasDocument ? 'app.agreements.replace_pdf' : 'app.agreements.upload_pdf')}
                        </Button>
                      </>
                    )}
                    <WorkflowActions workflow={WORKFLOWS.agreement} resource="agreements" record={{ ...a, name: `v${a.version}` }} />
                  </Stack>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {editing && <AgreementDialog partnerId={partner.id} agreement={editing.agreement} onClose={() => setEditing(null)} />}
      {uploading && <UploadDocumentDialog agreement={uploading} onClose={() => setUploading(null)} />}
    </Box>
  );
};

const UploadDocumentDialog = ({ agreement, onClose }: { agreement: Agreement; onClose(): void }) => {
  const translate = useTranslate();
  const refresh = useRefresh();
  const notify = useNotify();
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm">
      <DialogTitle>{translate('app.agreements.upload_title', { version: agreement.version })}</DialogTitle>
      <DialogContent>
        <FileDrop<Agreement>
          path={`/agreements/${agreement.id}/document`}
          accept={{ 'application/pdf': ['.pdf'] }}
          maxSize={AGREEMENT_MAX_BYTES}
          hint="app.agreements.upload_hint"
          onUploaded={() => {
            notify('app.agreements.uploaded', { type: 'success' });
            refresh();
            onClose();
          }}
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('ra.action.close')}</Button>
      </DialogActions>
    </Dialog>
  );
};
