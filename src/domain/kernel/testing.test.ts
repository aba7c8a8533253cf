import fs from 'node:fs';
import path from 'node:path';
import { describe, it, expect } from 'vitest';
import { DomainError } from './errors';
import { eur, issues, thrown, usd } from './testing';

const ROOT = path.resolve(import.meta.dirname, '../../..');

describe('the test helpers', () => {
  it('return the DomainError a function throws, and fail otherwise', () => {
    const e = new DomainError('conflict', 'No');
    expect(thrown(() => { throw e; })).toBe(e);
    expect(() => thrown(() => 1)).toThrow('expected a DomainError');
    expect(() => thrown(() => { throw new TypeError('other'); })).toThrow(TypeError);
  });

  it('write issues as field and code, and build amounts in minor units', () => {
    const list = [{ field: 'amount', message: 'Too large', code: 'too_large' }, { field: 'on', message: 'Not a date' }];
    expect(issues(list)).toEqual(['amount too_large', 'on undefined']);
    expect([eur(1_00), usd(2n)]).toEqual([{ minor: 100n, currency: 'EUR' }, { minor: 2n, currency: 'USD' }]);
  });

  it('are imported by tests only', () => {
    const helper = path.join(ROOT, 'src/domain/kernel/testing');
    const users = ['src', 'web', 'test', 'e2e', 'demo', 'scripts', 'bench']
      .filter((dir) => fs.existsSync(path.join(ROOT, dir)))
      .flatMap((dir) => fs.readdirSync(path.join(ROOT, dir), { recursive: true, withFileTypes: true }))
      .filter((d) => d.isFile() && /\.tsx?$/.test(d.name) && !/\.(test|spec)\.tsx?$/.test(d.name) && !d.parentPath.includes('node_modules'))
      .map((d) => path.join(d.parentPath, d.name))
      .filter((file) =>
        [...fs.readFileSync(file, 'utf8').matchAll(/from\s+['"](\.[^'"]*)['"]/g)].some((m) => path.resolve(path.dirname(file), m[1]).replace(/\.ts$/, '') === helper),
      );
    expect(users.map((f) => path.relative(ROOT, f))).toEqual([]);
  });
});
