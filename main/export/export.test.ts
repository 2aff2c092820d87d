import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MAX_EXPORT_MACS, MAX_EXPORT_MAC_LENGTH } from '../../common/export';
import { CHANNELS, schemas } from '../../common/ipc';
import type { DeviceDto } from '../../common/view';
import { toDto } from '../cameras/inventory';
import { fakeDevice } from '../cameras/inventory-fakes';
import { WyzeError } from '../wyze/errors';
import { createCameraExporter } from './export-cameras';
import type { FileToSave, SaveFile } from './export-cameras';
import { downloadInPage, saveWithDialog } from './save-file';

const camera = (mac: string, name: string, patch: Partial<DeviceDto> = {}): DeviceDto => ({
  ...toDto(fakeDevice(mac, name)),
  ...patch,
});

const LIST = [
  camera('AAAAAAAAAAA1', 'Porch', { lanIp: '10.0.0.1' }),
  camera('AAAAAAAAAAA2', 'Garage'),
  camera('AAAAAAAAAAA3', 'Plug', { isCamera: false, productType: 'Plug' }),
];
const NOW = () => new Date(2026, 10, 27, 10, 0);

function exporterWith(saveFile: SaveFile = downloadInPage) {
  const saved: FileToSave[] = [];
  const exporter = createCameraExporter({
    devices: () => LIST,
    saveFile: (file) => {
      saved.push(file);
      return saveFile(file);
    },
    now: NOW,
  });
  return { exporter, saved };
}

describe('createCameraExporter', () => {
  it('builds the file from its own list, in the order of the MACs the page sent', async () => {
    const { exporter } = exporterWith();
    const result = await exporter({ format: 'json', macs: ['AAAAAAAAAAA2', 'AAAAAAAAAAA1'] });
    expect(result).toMatchObject({ kind: 'download', fileName: 'wyze-cameras-2026-11-27.json' });
    if (result.kind !== 'download') throw new Error('not a download');
    expect(result.count).toBe(2);
    const rows = JSON.parse(result.content) as { name: string; ip: string | null }[];
    expect(rows.map((r) => [r.name, r.ip])).toEqual([
      ['Garage', null],
      ['Porch', '10.0.0.1'],
    ]);
  });

  it.each<[string, string[], string[]]>([
    ['an unknown MAC', ['AAAAAAAAAAA1', 'FFFFFFFFFFFF'], ['Porch']],
    ['a device that is not a camera', ['AAAAAAAAAAA3', 'AAAAAAAAAAA2'], ['Garage']],
    ['a MAC named twice', ['AAAAAAAAAAA1', 'AAAAAAAAAAA1'], ['Porch']],
    ['nothing', [], []],
  ])('skips %s', async (_what, macs, names) => {
    const { exporter } = exporterWith();
    const result = await exporter({ format: 'json', macs });
    if (result.kind !== 'download') throw new Error('not a download');
    expect((JSON.parse(result.content) as { name: string }[]).map((r) => r.name)).toEqual(names);
    expect(result.count).toBe(names.length);
  });

  it('offers a dated .csv name and a CSV with a BOM', async () => {
    const { exporter, saved } = exporterWith();
    await exporter({ format: 'csv', macs: ['AAAAAAAAAAA1'] });
    expect(saved[0]?.suggestedName).toBe('wyze-cameras-2026-11-27.csv');
    expect(saved[0]?.format).toBe('csv');
    expect(saved[0]?.content.startsWith('\uFEFFName,Model,')).toBe(true);
  });

  it('answers cancelled when the user closes the dialog', async () => {
    const { exporter } = exporterWith(() => Promise.resolve({ kind: 'cancelled' }));
    await expect(exporter({ format: 'csv', macs: ['AAAAAAAAAAA1'] })).resolves.toEqual({
      kind: 'cancelled',
    });
  });
});

describe('saveWithDialog', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  const file: FileToSave = { suggestedName: 'x.csv', content: '\uFEFFName\r\n', format: 'csv' };

  it('writes the whole content where the user chose, as UTF-8 with its BOM', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'export-'));
    dirs.push(dir);
    const path = join(dir, 'cameras.csv');
    const save = saveWithDialog({ choosePath: () => Promise.resolve(path) });
    await expect(save(file)).resolves.toEqual({ kind: 'saved', fileName: 'cameras.csv' });
    const bytes = readFileSync(path);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toBe(file.content);
  });

  it('writes nothing when the dialog is cancelled', async () => {
    const write = vi.fn(() => Promise.resolve());
    const save = saveWithDialog({ choosePath: () => Promise.resolve(null), write });
    await expect(save(file)).resolves.toEqual({ kind: 'cancelled' });
    expect(write).not.toHaveBeenCalled();
  });

  it.each([
    ['EACCES', 'this folder does not allow it'],
    ['ENOSPC', 'the disk is full'],
    ['EIO', 'the system refused to write it'],
  ])('says why in plain words when writing fails with %s', async (code, reason) => {
    const failure = Object.assign(new Error('raw'), { code });
    const save = saveWithDialog({
      choosePath: () => Promise.resolve('/somewhere/x.csv'),
      write: () => Promise.reject(failure),
    });
    const error = await save(file).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(WyzeError);
    expect((error as WyzeError).message).toContain(reason);
    expect((error as WyzeError).message).not.toContain('raw');
  });
});

describe('cameras:export request schema', () => {
  const schema = schemas[CHANNELS.exportCameras];
  const macs = (n: number, length = 12) => Array.from({ length: n }, () => 'A'.repeat(length));

  it.each<[string, unknown]>([
    ['CSV with one MAC', { format: 'csv', macs: ['AABBCCDDEEFF'] }],
    ['JSON with none', { format: 'json', macs: [] }],
    ['the most MACs an export may name', { format: 'csv', macs: macs(MAX_EXPORT_MACS) }],
  ])('accepts %s', (_what, request) => {
    expect(schema.safeParse(request).success).toBe(true);
  });

  it.each<[string, unknown]>([
    ['a format it does not write', { format: 'xlsx', macs: [] }],
    ['one MAC too many', { format: 'csv', macs: macs(MAX_EXPORT_MACS + 1) }],
    ['a MAC past its length', { format: 'csv', macs: macs(1, MAX_EXPORT_MAC_LENGTH + 1) }],
    ['an empty MAC', { format: 'csv', macs: [''] }],
    ['a MAC that is not text', { format: 'csv', macs: [42] }],
    ['rows supplied by the page', { format: 'csv', macs: [], rows: [{ name: '=1+1' }] }],
    ['a file name supplied by the page', { format: 'csv', macs: [], fileName: '/etc/passwd' }],
    ['no MAC list', { format: 'csv' }],
    ['nothing', undefined],
  ])('refuses %s', (_what, request) => {
    expect(schema.safeParse(request).success).toBe(false);
  });
});
