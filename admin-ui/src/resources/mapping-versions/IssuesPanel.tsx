import { Alert, AlertTitle, Box, Button, Collapse, Link as MuiLink } from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { useMappingEditor } from './editor-context';
import type { MappingIssue } from './types';

const IssueLine = ({ issue }: { issue: MappingIssue }) => {
  const { focus } = useMappingEditor();
  return (
    <li>
      {issue.variable ? <MuiLink component="button" variant="body2" onClick={() => focus(issue.variable!)} sx={{ mr: 0.5 }}>{issue.variable}</MuiLink> : null}
      {issue.message}
    </li>
  );
};

/** The server's problems (they block submission) and warnings, as of the last save. */
export const IssuesPanel = () => {
  const translate = useTranslate();
  const { version } = useMappingEditor();
  const [showWarnings, setShowWarnings] = useState(false);
  const { problems, warnings } = version;
  if (!problems.length && !warnings.length) return null;
  return (
    <Box data-testid="mapping-issues">
      {problems.length > 0 && (
        <Alert severity="error" sx={{ mb: 1 }} data-testid="mapping-problems">
          <AlertTitle>{translate('app.mapping.problems', { smart_count: problems.length })}</AlertTitle>
          <Box component="ul" sx={{ m: 0, pl: 2 }}>{problems.map((p, i) => <IssueLine key={i} issue={p} />)}</Box>
        </Alert>
      )}
      {warnings.length > 0 && (
        <Alert severity="warning" data-testid="mapping-warnings"
          action={<Button size="small" color="inherit" onClick={() => setShowWarnings(!showWarnings)}>{translate(showWarnings ? 'app.mapping.hide' : 'app.mapping.show')}</Button>}>
          <AlertTitle>{translate('app.mapping.warnings', { smart_count: warnings.length })}</AlertTitle>
          <Collapse in={showWarnings}>
            <Box component="ul" sx={{ m: 0, pl: 2 }}>{warnings.map((w, i) => <IssueLine key={i} issue={w} />)}</Box>
          </Collapse>
        </Alert>
      )}
    </Box>
  );
};
