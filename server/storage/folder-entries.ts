import fs from 'node:fs';

/** A folder's entries (at any depth with `recursive`); none when the folder does not exist. */
export async function folderEntries(dir: string, recursive = false): Promise<fs.Dirent[]> {
  return fs.promises.readdir(dir, { withFileTypes: true, recursive }).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return [];
    throw err;
  });
}
