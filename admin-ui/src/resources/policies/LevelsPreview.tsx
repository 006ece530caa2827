import { useState } from 'react';
import { Box, Button, Chip, Stack, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';

const SHOWN = 40;

/** Each level of a hierarchy with the labels it publishes; levels above the allowed maximum are dimmed. */
export const LevelsPreview = ({ levels, maxLevel, testId }: { levels: { level: number; labels: string[] }[]; maxLevel?: number | null; testId?: string }) => {
  const translate = useTranslate();
  const [all, setAll] = useState(false);
  const top = levels.length - 1;
  return (
    <Stack spacing={1} data-testid={testId}>
      {levels.map(({ level, labels }) => {
        const allowed = maxLevel == null || level <= maxLevel;
        const shown = all ? labels : labels.slice(0, SHOWN);
        return (
          <Box key={level} data-level={level} sx={{ opacity: allowed ? 1 : 0.5 }}>
            <Typography variant="body2" sx={{ fontWeight: 600 }}>
              {translate(level === 0 ? 'app.policies.level_values' : level === top ? 'app.policies.level_top' : 'app.policies.level_n', { level, smart_count: labels.length })}
              {!allowed && ` · ${translate('app.policies.above_max')}`}
            </Typography>
            <Stack direction="row" spacing={0.5} useFlexGap flexWrap="wrap" sx={{ mt: 0.5 }}>
              {shown.map((label) => (
                <Chip key={label} size="small" variant="outlined" label={label === '' ? translate('app.runs.empty_value') : label} />
              ))}
              {labels.length > shown.length && (
                <Button size="small" onClick={() => setAll(true)}>{translate('app.policies.show_all', { smart_count: labels.length - shown.length })}</Button>
              )}
            </Stack>
          </Box>
        );
      })}
    </Stack>
  );
};
