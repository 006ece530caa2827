import { useState } from 'react';
import {
  Box, Button, Chip, Dialog, DialogActions, DialogContent, DialogTitle, List, ListItem, ListItemText, MenuItem, Stack, TextField, Typography,
} from '@mui/material';
import FlagIcon from '@mui/icons-material/Flag';
import { usePermissions, useTranslate } from 'react-admin';
import { apiCall } from '../../api/http';
import { useApiAction } from '../../api/useApiAction';
import { rolesAllow } from '../../auth/permissions';
import { useFormatDateTime } from '../../components/DateTime';
import { FailureAlert } from '../../components/FailureAlert';
import { mappableVariables } from './spec-edit';
import { flagComment, parseFlag, useMappingEditor } from './editor-context';
import type { MappingComment } from './types';

export const CommentList = ({ comments, withVariable }: { comments: MappingComment[]; withVariable: boolean }) => {
  const translate = useTranslate();
  const formatDateTime = useFormatDateTime();
  const { authorName, focus } = useMappingEditor();
  if (!comments.length) return <Typography color="text.secondary" variant="body2">{translate('app.mapping.comments.empty')}</Typography>;
  return (
    <List dense disablePadding data-testid="mapping-comments">
      {comments.map((c) => {
        const flag = parseFlag(c);
        return (
          <ListItem key={c.id} disableGutters alignItems="flex-start" data-testid="mapping-comment">
            <ListItemText
              primary={
                <Stack direction="row" spacing={1} alignItems="center" useFlexGap flexWrap="wrap">
                  {withVariable && c.variable && <Chip size="small" label={c.variable} onClick={() => focus(c.variable!)} />}
                  {flag && <Chip size="small" color="warning" icon={<FlagIcon />} label={`${flag.column} = "${flag.value}"`} />}
                  <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>{flag ? flag.note : c.body}</Typography>
                </Stack>
              }
              secondary={`${authorName(c)} · ${formatDateTime(c.createdAt)}`}
            />
          </ListItem>
        );
      })}
    </List>
  );
};

const CommentForm = ({ versionId, variable, flag, onDone, withVariableChoice }: {
  versionId: string; variable: string | null; flag?: { column: string; value: string }; onDone?(): void; withVariableChoice?: boolean;
}) => {
  const translate = useTranslate();
  const { permissions: roles } = usePermissions<string[]>();
  const [body, setBody] = useState('');
  const [about, setAbout] = useState<string>(variable ?? '');
  const post = useApiAction();
  if (!rolesAllow(roles ?? [], 'mappings.write')) return null;
  const submit = async () => {
    const text = flag ? flagComment(flag.column, flag.value, body) : body.trim();
    const r = await post.run(() => apiCall('POST', `/mapping-versions/${versionId}/comments`, { variable: about || null, body: text }), flag ? 'app.mapping.comments.flagged' : 'app.mapping.comments.added');
    if (r.ok) {
      setBody('');
      onDone?.();
    }
  };
  return (
    <Box component="form" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
      <FailureAlert failure={post.failure} />
      <Stack spacing={1}>
        {withVariableChoice && (
          <TextField select size="small" label={translate('app.mapping.comments.about')} value={about} onChange={(e) => setAbout(e.target.value)}>
            <MenuItem value=""><em>{translate('app.mapping.comments.whole_version')}</em></MenuItem>
            {mappableVariables().map((v) => <MenuItem key={v.name} value={v.name}>{v.name}</MenuItem>)}
          </TextField>
        )}
        <TextField multiline minRows={2} size="small" name="comment" value={body} onChange={(e) => setBody(e.target.value)}
          label={translate(flag ? 'app.mapping.comments.flag_note' : 'app.mapping.comments.new')} />
        <Box>
          <Button type="submit" variant="contained" size="small" disabled={post.pending || (!flag && !body.trim())} startIcon={flag ? <FlagIcon /> : undefined}>
            {translate(flag ? 'app.mapping.comments.flag' : 'app.mapping.comments.post')}
          </Button>
        </Box>
      </Stack>
    </Box>
  );
};

/** Comments on the whole version and on its rules, newest first. */
export const CommentsPanel = () => {
  const { version, commentsFor } = useMappingEditor();
  const translate = useTranslate();
  const all = version.comments;
  return (
    <Stack spacing={2}>
      <CommentForm versionId={version.id} variable={null} withVariableChoice />
      <Typography variant="subtitle2">{translate('app.mapping.comments.on_version')}</Typography>
      <CommentList comments={commentsFor(null)} withVariable={false} />
      <Typography variant="subtitle2">{translate('app.mapping.comments.on_rules')}</Typography>
      <CommentList comments={all.filter((c) => c.variable)} withVariable />
    </Stack>
  );
};

/** The comments of one rule, and a form to add one (or to flag a value of its column). */
export const RuleCommentsDialog = ({ variable, flag, onClose }: { variable: string; flag?: { column: string; value: string }; onClose(): void }) => {
  const translate = useTranslate();
  const { version, commentsFor } = useMappingEditor();
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm">
      <DialogTitle>{flag ? translate('app.mapping.comments.flag_title', { value: flag.value, column: flag.column }) : translate('app.mapping.comments.rule_title', { variable })}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <CommentForm versionId={version.id} variable={variable} flag={flag} onDone={flag ? onClose : undefined} />
          <CommentList comments={commentsFor(variable)} withVariable={false} />
        </Stack>
      </DialogContent>
      <DialogActions><Button onClick={onClose}>{translate('ra.action.close')}</Button></DialogActions>
    </Dialog>
  );
};
