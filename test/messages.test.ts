/**
 * The API words its refusals in English, French and Spanish: every catalog entry has all three with the same
 * placeholders, and the code raises catalog messages rather than English text (a source scan).
 */
import { describe, it, expect } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { CATALOGS, contractMessageKey } from '../src/domain/messages';
import { LANGS, type Wording } from '../src/domain/kernel/messages';

const ROOT = path.resolve(import.meta.dirname, '..');

const placeholders = (w: Wording) => [...new Set((typeof w === 'string' ? [w] : Object.values(w)).flatMap((t) => [...(t ?? '').matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1])))].sort();
const texts = (w: Wording) => (typeof w === 'string' ? [w] : Object.values(w).filter((t): t is string => typeof t === 'string'));

describe('the message catalogs', () => {
  const entries = Object.entries(CATALOGS).flatMap(([module, catalog]) => Object.entries(catalog).map(([key, entry]) => ({ module, key, entry })));

  it('hold messages (the checks below are not vacuous)', () => {
    expect(entries.length).toBeGreaterThan(50);
  });

  it('word every message in English, French and Spanish, none empty', () => {
    const missing = entries.flatMap(({ key, entry }) => LANGS.filter((l) => !entry[l] || texts(entry[l]).some((t) => t.trim() === '')).map((l) => `${key} (${l})`));
    expect(missing).toEqual([]);
  });

  it('use the same placeholders in every language', () => {
    const differ = entries.filter(({ entry }) => LANGS.some((l) => placeholders(entry[l]).join() !== placeholders(entry.en).join())).map(({ key }) => key);
    expect(differ).toEqual([]);
  });

  it('give a plural wording an "other" form in every language, and a count to choose by', () => {
    const bad = entries.filter(({ entry }) => LANGS.some((l) => typeof entry[l] !== 'string' && (!('other' in (entry[l] as object)) || !placeholders(entry.en).includes('count')))).map(({ key }) => key);
    expect(bad).toEqual([]);
  });

  it('keep each module’s keys under its own name, so no two modules define the same key', () => {
    const modules = Object.keys(CATALOGS).filter((m) => m !== 'common');
    const wrong = entries.filter(({ module, key }) => (module === 'common' ? modules.some((m) => key.startsWith(`${m}.`)) : !key.startsWith(`${module}.`))).map(({ module, key }) => `${module}: ${key}`);
    expect(wrong).toEqual([]);
  });
});

/** English written straight into a refusal or a field issue, instead of a catalog message. */
const ENGLISH_IN_CODE = [
  /new DomainError\(\s*'[a-z_]+',\s*['"`]/g,
  /\b(?:notFound|forbidden)\(\s*['"`]/g,
  /\bmessage:\s*['"`]/g,
];

function sourceFiles(dir: string): string[] {
  return fs
    .readdirSync(path.join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && /\.tsx?$/.test(d.name) && !/\.test\.tsx?$/.test(d.name))
    .map((d) => path.relative(ROOT, path.join(d.parentPath, d.name)));
}

describe('messages raised by the code', () => {
  const scanned = ['src/domain', 'src/services', 'src/server', 'src/store'].flatMap(sourceFiles);
  const withEnglish = (file: string) => ENGLISH_IN_CODE.flatMap((re) => [...fs.readFileSync(path.join(ROOT, file), 'utf8').matchAll(re)].map((m) => m[0]));

  it('come from the catalogs, in every file', () => {
    expect(scanned.length).toBeGreaterThan(100);
    const offenders = scanned.flatMap((f) => withEnglish(f).map((m) => `${f}: ${m}`));
    expect(offenders).toEqual([]);
  });

  it('finds English written into code where there is some (the scan itself is not vacuous)', () => {
    const sample = "throw new DomainError('conflict', 'Already there', [{ field: 'x', message: 'taken' }]); notFound('The thing');";
    expect(ENGLISH_IN_CODE.flatMap((re) => [...sample.matchAll(re)]).length).toBe(3);
  });
});

/** Messages a contract sets on its own checks: `.min(n, '...')`, `.regex(re, '...')`, `z.email('...')`, `{ message: '...' }`. */
const CONTRACT_MESSAGE = [
  /\.(?:min|max|length|email|regex|url|uuid|int|positive|nonnegative|gte|lte|gt|lt|startsWith|endsWith|includes)\((?:[^()'"]|\([^()]*\))*?,?\s*'((?:[^'\\]|\\.)+)'\s*\)/g,
  /z\.(?:email|uuid|url)\(\s*'((?:[^'\\]|\\.)+)'\s*\)/g,
  /\b(?:message|error):\s*'((?:[^'\\]|\\.)+)'/g,
];

describe('messages the API contracts set on their own checks', () => {
  const found = sourceFiles('src/contracts').flatMap((f) => CONTRACT_MESSAGE.flatMap((re) => [...fs.readFileSync(path.join(ROOT, f), 'utf8').matchAll(re)].map((m) => ({ f, text: m[1] }))));

  it('are found (the scan is not vacuous)', () => {
    expect(found.map((m) => m.text)).toContain('Use at least 2 characters');
    expect(found.length).toBeGreaterThan(15);
  });

  it('each have a catalog entry with that English, so the API words them in French and Spanish', () => {
    expect(found.filter((m) => !contractMessageKey(m.text)).map((m) => `${m.f}: ${m.text}`)).toEqual([]);
  });
});
