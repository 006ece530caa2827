import { Box, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';

/** Structured details (audit event details, job results) as readable, indented JSON. */
export const JsonBlock = ({ value, testId }: { value: unknown; testId?: string }) => {
  const translate = useTranslate();
  const empty = value == null || (typeof value === 'object' && Object.keys(value as object).length === 0);
  if (empty) return <Typography variant="body2" color="text.secondary">{translate('app.common.none')}</Typography>;
  return (
    <Box
      component="pre"
      data-testid={testId}
      sx={{ m: 0, p: 1.5, bgcolor: 'action.hover', borderRadius: 1, fontSize: 13, overflowX: 'auto', maxWidth: '100%', whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}
    >
      {JSON.stringify(value, null, 2)}
    </Box>
  );
};

/** Hashes and ids: monospace, wrapping anywhere. */
export const Mono = ({ children, testId }: { children: string | null | undefined; testId?: string }) => (
  <Typography component="code" variant="body2" data-testid={testId} sx={{ fontFamily: 'monospace', wordBreak: 'break-all' }}>
    {children ?? ''}
  </Typography>
);
