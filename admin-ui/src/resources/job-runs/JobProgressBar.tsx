import { Box, LinearProgress, Typography } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import { readJobStep } from '../../../../server/domain/job-steps';
import type { JobRun } from './types';

/** A job's step in the reader's language: workers write it in English from the shared templates. */
export function useJobStepText(): (step: string) => string {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  return (step) => {
    const read = readJobStep(step);
    if (!read) return step;
    const params = Object.fromEntries(Object.entries(read.params).map(([name, value]) => [
      name,
      typeof value === 'number' ? value.toLocaleString(locale) : translate(`app.releases.kinds.${value}`, { _: value }),
    ]));
    return translate(`app.job_steps.${read.key}`, { ...params, _: step });
  };
}

/** Percent and step of one job; indeterminate while it waits in the queue. */
export const JobProgressBar = ({ run, showStep = true }: { run: Pick<JobRun, 'status' | 'progress' | 'step'>; showStep?: boolean }) => {
  const stepText = useJobStepText();
  const percent = run.status === 'completed' ? 100 : Math.max(0, Math.min(100, run.progress ?? 0));
  const color = run.status === 'failed' ? 'error' : run.status === 'completed' ? 'success' : run.status === 'retrying' ? 'warning' : 'primary';
  return (
    <Box sx={{ minWidth: 160 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
        <LinearProgress
          sx={{ flex: 1, height: 8, borderRadius: 4 }}
          variant={run.status === 'queued' ? 'indeterminate' : 'determinate'}
          value={percent}
          color={color}
          aria-label={`${percent}%`}
        />
        <Typography variant="body2" sx={{ minWidth: 40, textAlign: 'right' }} data-testid="job-percent">
          {percent}%
        </Typography>
      </Box>
      {showStep && run.step && (
        <Typography variant="caption" color="text.secondary" data-testid="job-step">
          {stepText(run.step)}
        </Typography>
      )}
    </Box>
  );
};
