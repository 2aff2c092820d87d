import { downloadBlob } from '../../download';
import type { ExportFormat } from '../../../common/export';

const TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv;charset=utf-8',
  json: 'application/json;charset=utf-8',
};

/** The format a file name ends in (the name main offered). */
export const formatOf = (fileName: string): ExportFormat =>
  fileName.toLowerCase().endsWith('.json') ? 'json' : 'csv';

/**
 * Hands a file to the browser as a download (the browser preview, which has no save dialog of
 * main's): a Blob written as UTF-8, keeping the CSV's byte-order mark.
 */
export function downloadFile(fileName: string, content: string): void {
  downloadBlob(fileName, new Blob([content], { type: TYPES[formatOf(fileName)] }));
}
