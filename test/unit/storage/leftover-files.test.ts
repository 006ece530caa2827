import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { BlobStore } from '../../../server/storage/blob-store';
import { removeIdleScratchDirs, removeScratchDirs, withScratchDir } from '../../../server/storage/scratch-dirs';

let root: string;
beforeEach(() => { root = fs.mkdtempSync(path.join(os.tmpdir(), 'leftovers-')); });
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

const write = (file: string, text = 'x') => {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
};
const hoursAgo = (file: string, hours: number) => {
  const t = new Date(Date.now() - hours * 3600 * 1000);
  fs.utimesSync(file, t, t);
};

describe('BlobStore.prune', () => {
  it('removes complete and unfinished blobs of the folder except the kept ones, and nothing outside it', async () => {
    const blobs = new BlobStore(root, randomBytes(32).toString('hex'));
    const kept = await blobs.put('anonymization/run-a', Readable.from(['recorded output']));
    const unrecorded = await blobs.put('anonymization/run-a', Readable.from(['stored, never recorded']));
    const otherRun = await blobs.put('anonymization/run-b', Readable.from(['another run']));
    write(path.join(root, 'anonymization/run-a/0f1e.enc.partial'));
    write(path.join(root, 'anonymization/run-a/notes.txt'));
    write(path.join(root, 'anonymization/run-a/nested/1a2b.enc'));

    const removed = await blobs.prune('anonymization/run-a', [kept.key]);
    expect(removed.sort()).toEqual(['0f1e.enc.partial', `${path.basename(unrecorded.key)}.enc`].sort());
    expect(fs.readdirSync(path.join(root, 'anonymization/run-a')).sort()).toEqual([`${path.basename(kept.key)}.enc`, 'nested', 'notes.txt'].sort());
    expect(await blobs.sha256(kept.key)).toBe(kept.sha256);
    expect(await blobs.exists(otherRun.key)).toBe(true);
  });

  it('finds nothing to remove in a folder that does not exist, and refuses a path outside the store', async () => {
    const blobs = new BlobStore(root, randomBytes(32).toString('hex'));
    await expect(blobs.prune('anonymization/never-written', [])).resolves.toEqual([]);
    await expect(blobs.prune('../etc', [])).rejects.toThrow('invalid blob key');
  });
});

describe('BlobStore.list', () => {
  it('lists the store\'s files at any depth by key, unfinished writes marked, with when each was last written', async () => {
    const blobs = new BlobStore(root, randomBytes(32).toString('hex'));
    const raw = await blobs.put('submissions/p1', Readable.from(['raw']));
    const doc = await blobs.put('agreements', Readable.from(['%PDF-']));
    write(path.join(root, 'submissions/p1/0f1e.enc.partial'));
    hoursAgo(path.join(root, 'submissions/p1/0f1e.enc.partial'), 2);
    write(path.join(root, 'submissions/p1/notes.txt'));

    const all = await blobs.list();
    expect(all.map((e) => [e.key, e.partial]).sort()).toEqual([[doc.key, false], [raw.key, false], ['submissions/p1/0f1e', true]].sort());
    const partial = all.find((e) => e.partial)!;
    expect(Date.now() - partial.modifiedAt).toBeGreaterThan(3600 * 1000);
    expect((await blobs.list('submissions')).map((e) => e.key).sort()).toEqual([raw.key, 'submissions/p1/0f1e'].sort());
    await expect(blobs.list('releases')).resolves.toEqual([]);

    await blobs.remove(partial);
    await blobs.remove(all.find((e) => e.key === doc.key)!);
    expect((await blobs.list()).map((e) => e.key)).toEqual([raw.key]);
  });
});

describe('scratch folders', () => {
  it('removes the folders of one owner only', async () => {
    for (const name of ['publish-r1.aaaaaa', 'publish-r1.bbbbbb', 'publish-r10.cccccc', 'publish-r2.dddddd']) write(path.join(root, name, 'bucket-0'));
    expect((await removeScratchDirs(root, 'publish-r1')).sort()).toEqual(['publish-r1.aaaaaa', 'publish-r1.bbbbbb']);
    expect(fs.readdirSync(root).sort()).toEqual(['publish-r10.cccccc', 'publish-r2.dddddd']);
    await expect(removeScratchDirs(root, '../r1')).rejects.toThrow('invalid scratch folder owner');
  });

  it('removes folders nothing has written to for an hour, judged by their newest file', async () => {
    write(path.join(root, 'publish-old.aaaaaa', 'bucket-0'));
    hoursAgo(path.join(root, 'publish-old.aaaaaa', 'bucket-0'), 2);
    hoursAgo(path.join(root, 'publish-old.aaaaaa'), 2);
    // Created two hours ago, still written to: a long build under way.
    write(path.join(root, 'publish-busy.bbbbbb', 'bucket-0'));
    hoursAgo(path.join(root, 'publish-busy.bbbbbb'), 2);
    write(path.join(root, 'publish-new.cccccc', 'bucket-0'));
    expect(await removeIdleScratchDirs(root)).toEqual(['publish-old.aaaaaa']);
    expect(fs.readdirSync(root).sort()).toEqual(['publish-busy.bbbbbb', 'publish-new.cccccc']);
    await expect(removeIdleScratchDirs(path.join(root, 'missing'))).resolves.toEqual([]);
  });

  it('gives a fresh folder after removing the ones earlier attempts of the owner left, and removes it afterwards', async () => {
    write(path.join(root, 'publish-r1.killed', 'bucket-0'), 'unencrypted rows');
    write(path.join(root, 'publish-r2.running', 'bucket-0'));
    let used = '';
    await withScratchDir(root, 'publish-r1', async (dir) => {
      used = dir;
      expect(path.basename(dir)).toMatch(/^publish-r1\./);
      expect(fs.readdirSync(root).sort()).toEqual([path.basename(dir), 'publish-r2.running'].sort());
    });
    expect(fs.existsSync(used)).toBe(false);
    await expect(withScratchDir(root, 'publish-r1', async () => { throw new Error('build failed'); })).rejects.toThrow('build failed');
    expect(fs.readdirSync(root)).toEqual(['publish-r2.running']);
  });
});
