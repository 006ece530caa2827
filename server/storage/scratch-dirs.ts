import fs from 'node:fs';
import path from 'node:path';
import { folderEntries } from './folder-entries';

/**
 * Scratch folders under DATA_DIR/tmp hold unencrypted (de-identified) rows while a job sorts them,
 * so none may outlive its job. Each is named `<owner>.<random>`, the owner being the job's work
 * (e.g. `publish-<release id>`): BullMQ runs one attempt of a job at a time, so when an attempt
 * starts, the folders of the same owner belong to earlier attempts (killed workers) and are removed.
 */
export const scratchRoot = (dataDir: string) => path.join(dataDir, 'tmp');

/** A scratch folder untouched for this long belongs to no running job (a live one writes to it all the time). */
export const SCRATCH_IDLE_MS = 3600 * 1000;

const ownerPattern = /^[\w-]+$/;

async function removeFolders(root: string, names: string[]): Promise<string[]> {
  // force: a folder that vanished meanwhile (another cleanup) is no error.
  for (const name of names) await fs.promises.rm(path.join(root, name), { recursive: true, force: true });
  return names;
}

async function folderNames(root: string): Promise<string[]> {
  return (await folderEntries(root)).filter((e) => e.isDirectory()).map((e) => e.name);
}

/** Removes the scratch folders of `owner` (earlier attempts of its job). Returns their names. */
export async function removeScratchDirs(root: string, owner: string): Promise<string[]> {
  if (!ownerPattern.test(owner)) throw new Error('invalid scratch folder owner');
  return removeFolders(root, (await folderNames(root)).filter((name) => name.startsWith(`${owner}.`)));
}

/** When the folder or anything in it last changed; null if it vanished. */
async function lastChange(dir: string): Promise<number | null> {
  const stat = await fs.promises.stat(dir).catch(() => null);
  if (!stat) return null;
  let latest = stat.mtimeMs;
  for (const name of await fs.promises.readdir(dir).catch(() => [])) {
    const file = await fs.promises.stat(path.join(dir, name)).catch(() => null);
    if (file) latest = Math.max(latest, file.mtimeMs);
  }
  return latest;
}

/** Removes the scratch folders nothing has written to for `idleMs` (their job is gone). Returns their names. */
export async function removeIdleScratchDirs(root: string, idleMs = SCRATCH_IDLE_MS): Promise<string[]> {
  const idle: string[] = [];
  for (const name of await folderNames(root)) {
    const changed = await lastChange(path.join(root, name));
    if (changed !== null && Date.now() - changed > idleMs) idle.push(name);
  }
  return removeFolders(root, idle);
}

/**
 * A fresh scratch folder for `owner`, removed afterwards. Folders left by earlier attempts of the
 * same owner are removed first, and any folder idle for an hour with them.
 */
export async function withScratchDir<T>(root: string, owner: string, fn: (dir: string) => Promise<T>): Promise<T> {
  await fs.promises.mkdir(root, { recursive: true });
  await removeScratchDirs(root, owner);
  await removeIdleScratchDirs(root);
  const dir = await fs.promises.mkdtemp(path.join(root, `${owner}.`));
  try {
    return await fn(dir);
  } finally {
    await fs.promises.rm(dir, { recursive: true, force: true });
  }
}
