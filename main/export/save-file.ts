import { basename } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import type { ExportFormat } from '../../common/export';
import { WyzeError } from '../wyze/errors';
import type { FileToSave, SaveFile } from './export-cameras';

/** The browser preview's way: the page downloads the file itself (it has no dialog of main's). */
export const downloadInPage: SaveFile = (file) =>
  Promise.resolve({ kind: 'download', fileName: file.suggestedName, content: file.content });

/** The file-type filter a save dialog offers for each format. */
export const SAVE_FILTERS: Record<ExportFormat, { name: string; extensions: string[] }> = {
  csv: { name: 'CSV (spreadsheets)', extensions: ['csv'] },
  json: { name: 'JSON', extensions: ['json'] },
};

/**
 * The desktop app's way: ask where (the native save dialog, injected so this runs without
 * Electron), then write the whole file atomically, so a failure never leaves half a file behind.
 */
export function saveWithDialog(deps: {
  /** Resolves with the path the user chose, or null when they cancelled. */
  choosePath: (file: FileToSave) => Promise<string | null>;
  write?: (path: string, content: string) => Promise<void>;
}): SaveFile {
  const write = deps.write ?? ((path, content) => writeFileAtomic(path, content, 'utf8'));
  return async (file) => {
    const path = await deps.choosePath(file);
    if (!path) return { kind: 'cancelled' };
    await writeChosen(() => write(path, file.content));
    return { kind: 'saved', fileName: basename(path) };
  };
}

/**
 * Runs the write of a file the user chose a place for; a failure becomes a plain message that
 * says why and what to do (also used by live view's snapshots, main/live/snapshot.ts).
 */
export async function writeChosen(write: () => Promise<void>): Promise<void> {
  try {
    await write();
  } catch (err) {
    throw new WyzeError('INTERNAL', writeFailure(err), undefined, errnoOf(err) ?? 'write failed');
  }
}

const errnoOf = (err: unknown): string | undefined =>
  err instanceof Error && 'code' in err && typeof err.code === 'string' ? err.code : undefined;

/** What to tell the user when the file could not be written, by the system's error code. */
function writeFailure(err: unknown): string {
  const why: Record<string, string> = {
    EACCES: 'this folder does not allow it',
    EPERM: 'this folder does not allow it',
    EROFS: 'this disk is read-only',
    ENOSPC: 'the disk is full',
  };
  const reason = why[errnoOf(err) ?? ''] ?? 'the system refused to write it';
  return `The file was not saved: ${reason}. Choose another folder and try again.`;
}
