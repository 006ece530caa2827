import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useCreatePath, useRedirect, useTranslate } from 'react-admin';
import { DateTime } from '../../components/DateTime';
import { MappingStatusChip } from './MappingStatusChip';
import type { MappingVersionRow } from './types';

/** Mapping versions as rows that open the editor; `partnerNames` adds a partner column. */
export const VersionTable = ({ versions, partnerNames }: { versions: MappingVersionRow[]; partnerNames?: Map<string, string> }) => {
  const translate = useTranslate();
  const redirect = useRedirect();
  const createPath = useCreatePath();
  const f = (name: string) => translate(`resources.mapping-versions.fields.${name}`);
  if (!versions.length) return <Typography color="text.secondary">{translate('app.mapping.no_versions')}</Typography>;
  return (
    <Table size="small" data-testid="mapping-versions-table">
      <TableHead>
        <TableRow>
          {partnerNames && <TableCell>{f('partnerId')}</TableCell>}
          <TableCell>{f('version')}</TableCell>
          <TableCell>{f('status')}</TableCell>
          <TableCell align="right">{f('rules')}</TableCell>
          <TableCell>{f('updatedAt')}</TableCell>
          <TableCell>{f('approvedAt')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {versions.map((v) => (
          <TableRow key={v.id} hover sx={{ cursor: 'pointer' }} data-testid="mapping-version-row"
            onClick={() => redirect(createPath({ resource: 'mapping-versions', type: 'show', id: v.id }))}>
            {partnerNames && <TableCell>{partnerNames.get(v.partnerId) ?? ''}</TableCell>}
            <TableCell>v{v.version}</TableCell>
            <TableCell><MappingStatusChip status={v.status} /></TableCell>
            <TableCell align="right">{v.spec?.rules?.length ?? 0}</TableCell>
            <TableCell><DateTime value={v.updatedAt} /></TableCell>
            <TableCell><DateTime value={v.approvedAt} /></TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};
