import { Card, CardContent, CardHeader, IconButton, Stack, Table, TableBody, TableCell, TableHead, TableRow, Tooltip, Typography } from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import PublicIcon from '@mui/icons-material/Public';
import { useLocaleState, useTranslate } from 'react-admin';
import { formatBytes } from '../../api/upload';
import { Mono } from '../../components/JsonBlock';
import { ARTIFACT_ORDER, publicArtifactUrl, staffArtifactUrl, type ReleaseDetail } from './types';

/** The recorded files: immutable, each with its size and SHA-256, downloaded checked against it. */
export const ArtifactsTable = ({ release }: { release: ReleaseDetail }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (!release.artifacts.length) return null;
  const artifacts = [...release.artifacts].sort((a, b) => ARTIFACT_ORDER.indexOf(a.kind) - ARTIFACT_ORDER.indexOf(b.kind));
  const isPublic = release.status === 'published';
  return (
    <Card variant="outlined" data-testid="artifacts">
      <CardHeader title={translate('app.releases.artifacts_title')} subheader={isPublic ? translate('app.releases.artifacts_public') : undefined}
        slotProps={{ title: { variant: 'subtitle1', component: 'h2' }, subheader: { variant: 'body2' } }} />
      <CardContent sx={{ pt: 0 }}>
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{translate('app.releases.artifact_kind')}</TableCell>
              <TableCell>{translate('app.releases.artifact_file')}</TableCell>
              <TableCell align="right">{translate('app.releases.artifact_size')}</TableCell>
              <TableCell>SHA-256</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {artifacts.map((a) => (
              <TableRow key={a.kind} data-kind={a.kind}>
                <TableCell>{translate(`app.releases.kinds.${a.kind}`, { _: a.kind })}</TableCell>
                <TableCell><Typography variant="body2">{a.filename}</Typography></TableCell>
                <TableCell align="right" data-testid="artifact-size">{formatBytes(a.size, locale)}</TableCell>
                <TableCell sx={{ maxWidth: 300 }}><Mono testId="artifact-sha">{a.sha256}</Mono></TableCell>
                <TableCell>
                  <Stack direction="row">
                    <Tooltip title={translate('app.releases.download')}>
                      <IconButton component="a" href={staffArtifactUrl(release.id, a.kind)} download={a.filename} aria-label={`${translate('app.releases.download')} ${a.filename}`}>
                        <DownloadIcon />
                      </IconButton>
                    </Tooltip>
                    {isPublic && (
                      <Tooltip title={translate('app.releases.public_link')}>
                        <IconButton component="a" href={publicArtifactUrl(release.version, a.kind)} target="_blank" rel="noopener" aria-label={translate('app.releases.public_link')}>
                          <PublicIcon />
                        </IconButton>
                      </Tooltip>
                    )}
                  </Stack>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </CardContent>
    </Card>
  );
};
