import { Box, Button, Stack, Typography } from '@mui/material';
import UploadIcon from '@mui/icons-material/UploadFile';
import { useQuery } from '@tanstack/react-query';
import { Link, Pagination, ReferenceManyField, useCreatePath, usePermissions, useRecordContext, useTranslate } from 'react-admin';
import { apiCall } from '../../api/http';
import { rolesAllow } from '../../auth/permissions';
import { VersionTable } from '../mapping-versions/VersionTable';
import type { MappingVersionRow } from '../mapping-versions/types';
import { SubmissionTable } from '../submissions/SubmissionTable';
import type { PartnerDetail } from './types';

/** The partner's data deliveries and, for staff who read mappings, its mapping versions. */
export const PartnerSubmissionsPanel = () => {
  const partner = useRecordContext<PartnerDetail>();
  const translate = useTranslate();
  const createPath = useCreatePath();
  const { permissions: roles } = usePermissions<string[]>();
  const canUpload = rolesAllow(roles ?? [], 'submissions.upload');
  const canReadMappings = rolesAllow(roles ?? [], 'mappings.read');
  const { data: versions } = useQuery({
    queryKey: ['mapping-versions', 'of-partner', partner?.id],
    queryFn: () => apiCall<MappingVersionRow[]>('GET', `/partners/${partner!.id}/mapping-versions`),
    enabled: !!partner && canReadMappings,
  });
  if (!partner) return null;
  return (
    <Stack spacing={3} data-testid="partner-submissions-panel">
      <Box>
        {canUpload && partner.status === 'active' && (
          <Button component={Link} to={`${createPath({ resource: 'submissions', type: 'create' })}?partnerId=${partner.id}`} startIcon={<UploadIcon />} sx={{ mb: 1 }}>
            {translate('app.submissions.upload')}
          </Button>
        )}
        {canUpload && partner.status !== 'active' && (
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>{translate('app.submissions.partner_not_active')}</Typography>
        )}
        <ReferenceManyField reference="submissions" target="partnerId" sort={{ field: 'receivedAt', order: 'DESC' }} perPage={10} pagination={<Pagination />}
          empty={<Typography color="text.secondary">{translate('app.submissions.empty')}</Typography>}>
          <SubmissionTable withPartner={false} />
        </ReferenceManyField>
      </Box>
      {canReadMappings && (
        <Box>
          <Typography variant="subtitle1" component="h3" gutterBottom>{translate('app.mapping.versions_title')}</Typography>
          <VersionTable versions={versions ?? []} />
        </Box>
      )}
    </Stack>
  );
};
