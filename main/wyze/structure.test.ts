import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const folder = fileURLToPath(new URL('.', import.meta.url));
const lines = (file: string): number => readFileSync(`${folder}${file}`, 'utf8').split('\n').length;
const sources = readdirSync(folder).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));

describe('the client stays readable (issue: split client.ts)', () => {
  it('keeps every source file of the client under 300 lines', () => {
    const tooLong = sources.filter((file) => lines(file) >= 300);
    expect(tooLong).toEqual([]);
  });

  it('keeps client.ts to composition: it reads in one screen and makes no request itself', () => {
    expect(lines('client.ts')).toBeLessThan(150);
    const text = readFileSync(`${folder}client.ts`, 'utf8');
    expect(text).not.toMatch(/transport\.send|\.post\(|hashPassword|jwtExpiry/);
  });
});
