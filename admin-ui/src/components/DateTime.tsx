import { Typography } from '@mui/material';
import { useLocaleState } from 'react-admin';

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Formats timestamps in the interface language (not the browser's), with the time. */
export function useFormatDateTime() {
  const [locale] = useLocaleState();
  let f = formatters.get(locale);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium' });
    formatters.set(locale, f);
  }
  const formatter = f;
  return (value: string | Date | null | undefined) => (value ? formatter.format(new Date(value)) : '');
}

export const DateTime = ({ value }: { value: string | Date | null | undefined }) => {
  const format = useFormatDateTime();
  return (
    <Typography component="time" variant="body2" dateTime={value ? new Date(value).toISOString() : undefined}>
      {format(value)}
    </Typography>
  );
};
