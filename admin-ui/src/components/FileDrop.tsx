import { useRef, useState } from 'react';
import { Alert, Box, Button, LinearProgress, Stack, Typography } from '@mui/material';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { useDropzone, type Accept } from 'react-dropzone';
import { useLocaleState, useTranslate } from 'react-admin';
import { errorMessage } from '../api/http';
import { formatBytes, uploadFile, type UploadHandle, type UploadProgress } from '../api/upload';

export interface FileDropProps<T> {
  /** `POST /api<path>` receives the file as multipart field "file". */
  path: string;
  accept: Accept;
  maxSize?: number;
  /** Translation key of the hint under the drop area (formats, size limit). */
  hint: string;
  disabled?: boolean;
  onUploaded(result: T): void;
}

/** Drag a file here or pick one: uploads at once, with a progress bar, and shows the server's refusal. */
export function FileDrop<T>({ path, accept, maxSize, hint, disabled, onUploaded }: FileDropProps<T>) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const handle = useRef<UploadHandle<T> | null>(null);
  const uploading = handle.current != null && progress != null;

  const start = async (chosen: File) => {
    setFile(chosen);
    setError(null);
    setProgress({ loaded: 0, total: chosen.size, percent: 0 });
    const h = uploadFile<T>(path, chosen, setProgress);
    handle.current = h;
    try {
      const result = await h.promise;
      onUploaded(result);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      handle.current = null;
      setProgress(null);
    }
  };

  const { getRootProps, getInputProps, isDragActive } = useDropzone({
    accept,
    maxSize,
    multiple: false,
    disabled: disabled || uploading,
    onDropAccepted: ([f]) => void start(f),
    onDropRejected: ([rejection]) => {
      setFile(rejection.file);
      setError(rejection.errors[0]?.code === 'file-too-large' ? 'app.upload.too_large' : 'app.upload.wrong_type');
    },
  });

  return (
    <Stack spacing={1} data-testid="file-drop">
      <Box
        {...getRootProps()}
        sx={{
          border: 2, borderStyle: 'dashed', borderRadius: 2, p: 3, textAlign: 'center', cursor: disabled ? 'default' : 'pointer',
          borderColor: isDragActive ? 'primary.main' : 'divider', bgcolor: isDragActive ? 'action.hover' : 'transparent',
        }}
      >
        <input {...getInputProps()} data-testid="file-input" />
        <UploadFileIcon color={disabled ? 'disabled' : 'primary'} fontSize="large" />
        <Typography>{translate(isDragActive ? 'app.upload.drop_now' : 'app.upload.drop_here')}</Typography>
        <Typography variant="body2" color="text.secondary">{translate(hint)}</Typography>
      </Box>
      {file && (
        <Typography variant="body2" data-testid="upload-file">
          {file.name} · {formatBytes(file.size, locale)}
        </Typography>
      )}
      {progress && (
        <Stack direction="row" spacing={1} alignItems="center" data-testid="upload-progress">
          <LinearProgress variant="determinate" value={progress.percent} sx={{ flex: 1, height: 8, borderRadius: 4 }} aria-label={`${progress.percent}%`} />
          <Typography variant="body2" sx={{ minWidth: 40, textAlign: 'right' }}>{progress.percent}%</Typography>
          <Button size="small" onClick={() => handle.current?.abort()}>{translate('ra.action.cancel')}</Button>
        </Stack>
      )}
      {error && (
        <Alert severity="error" role="alert" data-testid="upload-error">
          {translate(error, { _: error })}
        </Alert>
      )}
    </Stack>
  );
}
