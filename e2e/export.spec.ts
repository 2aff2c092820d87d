import { readFileSync } from 'node:fs';
import type { Download, Page } from '@playwright/test';
import type { WorldInput } from '../emulator/world';
import { DEMO_WORLD, cameraTable, expect, signIn, test } from './fixtures';

/** Cameras whose names a spreadsheet or a CSV reader could trip on, all matching "garage". */
const HOSTILE = [
  {
    mac: '2CAA8E77EE01',
    nickname: '=HYPERLINK("http://evil.example","Garage")',
    model: 'HL_CAM4',
    ip: '192.168.1.90',
    ssid: 'Maple House',
    firmware: '4.52.9.4188',
  },
  {
    mac: '2CAA8E77EE02',
    nickname: 'Garage, "back" 裏口',
    model: 'HL_CAM4',
    ip: '192.168.1.91',
    ssid: '+Garage Wi-Fi',
    firmware: '4.52.9.4188',
  },
];

function exportWorld(): WorldInput {
  const world = JSON.parse(readFileSync(DEMO_WORLD, 'utf8')) as WorldInput;
  const [demo, ...others] = world.accounts;
  if (!demo) throw new Error('the demo world has no account');
  return {
    ...world,
    accounts: [{ ...demo, devices: [...(demo.devices ?? []), ...HOSTILE] }, ...others],
  };
}
const world = exportWorld();
type WorldDevice = NonNullable<WorldInput['accounts'][number]['devices']>[number];
const DEVICES = (world.accounts[0]?.devices ?? []) as WorldDevice[];
const byMac = new Map(DEVICES.map((d) => [d.mac, d]));

/** A strict RFC 4180 reader: CRLF-ended records, quoted fields with doubled quotes. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let i = 0;
  while (i < text.length) {
    let field = '';
    if (text[i] === '"') {
      i++;
      while (i < text.length && !(text[i] === '"' && text[i + 1] !== '"')) {
        field += text[i];
        i += text[i] === '"' ? 2 : 1;
      }
      i++;
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r') field += text[i++];
    }
    record.push(field);
    if (text[i] === ',') i++;
    else if (text.startsWith('\r\n', i)) {
      records.push(record);
      record = [];
      i += 2;
    } else throw new Error(`record not ended by CRLF at ${i}`);
  }
  return records;
}

/** The MACs of the rows the table shows, top to bottom (each row's MAC cell). */
async function shownNames(page: Page): Promise<string[]> {
  return (await cameraTable(page).getByRole('rowheader').allInnerTexts()).map(
    (text) => text.split('\n')[0] ?? '',
  );
}

async function exportAs(page: Page, format: 'CSV' | 'JSON'): Promise<Download> {
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export cameras' });
  await dialog.getByRole('radio', { name: new RegExp(`^${format}`) }).check();
  const downloaded = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export' }).click();
  const download = await downloaded;
  await expect(dialog).toBeHidden();
  return download;
}

const fileBytes = async (download: Download): Promise<Buffer> =>
  readFileSync(await download.path());

test('Export… writes the searched view as CSV (BOM, RFC 4180, no formulas) and as JSON', async ({
  launch,
  transport,
}) => {
  test.skip(
    transport === 'electron',
    'The desktop app saves through the native save dialog, which Playwright cannot drive; ' +
      'main/export/export.test.ts covers that path.',
  );
  const { page } = await launch({ world });
  await signIn(page);
  await expect(cameraTable(page)).toBeVisible();
  await page.getByRole('searchbox', { name: 'Search cameras' }).fill('garage');
  await expect(page.getByText(/^4 of \d+ cameras$/)).toBeVisible();
  const names = await shownNames(page);
  expect(names).toHaveLength(4);

  const csvDownload = await exportAs(page, 'CSV');
  expect(csvDownload.suggestedFilename()).toMatch(/^wyze-cameras-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await fileBytes(csvDownload);
  expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const records = parseCsv(csv.subarray(3).toString('utf8'));
  expect(records[0]).toEqual([
    'Name',
    'Model',
    'Model code',
    'MAC',
    'IP',
    'Public IP',
    'Wi-Fi network',
    'Firmware',
    'Hardware',
    'Status',
    'Status since',
    'Shared by',
  ]);
  const rows = records.slice(1);
  expect(rows).toHaveLength(4);
  // Formula cells are neutralised with a leading quote; the rest is as the cloud reported it.
  const unquote = (cell: string) => (cell.startsWith("'") ? cell.slice(1) : cell);
  expect(rows.map((r) => unquote(r[0] ?? ''))).toEqual(names);
  for (const row of rows) {
    const [name, , modelCode, mac, ip, publicIp, ssid, firmware, , status] = row;
    const source = byMac.get(mac ?? '');
    expect(source, `row for ${mac}`).toBeDefined();
    expect(unquote(name ?? '')).toBe(source?.nickname);
    expect([modelCode, ip, publicIp ?? '', unquote(ssid ?? ''), firmware]).toEqual([
      source?.model,
      source?.ip ?? '',
      (source as { publicIp?: string }).publicIp ?? '',
      source?.ssid ?? '',
      source?.firmware,
    ]);
    expect(['Online', 'Offline', 'Privacy mode', 'Not reported']).toContain(status);
    for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  }
  const hyperlink = rows.find((r) => r[3] === '2CAA8E77EE01');
  expect(hyperlink?.[0]).toBe(`'=HYPERLINK("http://evil.example","Garage")`);
  expect(rows.find((r) => r[3] === '2CAA8E77EE02')?.[6]).toBe("'+Garage Wi-Fi");

  const jsonDownload = await exportAs(page, 'JSON');
  expect(jsonDownload.suggestedFilename()).toMatch(/^wyze-cameras-\d{4}-\d{2}-\d{2}\.json$/);
  const json = JSON.parse((await fileBytes(jsonDownload)).toString('utf8')) as {
    name: string;
    mac: string;
    ip: string | null;
    wifiNetwork: string | null;
  }[];
  expect(json.map((r) => r.name)).toEqual(names);
  // JSON is for programs: values exactly as reported, with no spreadsheet quoting.
  expect(json.find((r) => r.mac === '2CAA8E77EE01')?.name).toBe(HOSTILE[0]?.nickname);
  expect(json.find((r) => r.mac === '2CAA8E77EE02')?.wifiNetwork).toBe('+Garage Wi-Fi');
  await expect(page.getByRole('status').filter({ hasText: /Exported 4 cameras/ })).toHaveCount(1);
});
