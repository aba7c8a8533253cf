/**
 * The web app's three languages say the same things: the same keys (plural forms aside: each language has its own),
 * the same {{variables}} in each message, and every key the source code names literally exists in English.
 */
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { TRANSLATIONS } from '../../web/i18n/resources';

type Tree = { [k: string]: string | Tree };
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const PLURAL = /_(zero|one|two|few|many|other)$/;

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}
/** Keys with their plural suffix removed, and the variables each message uses (all plural forms together). */
function shape(tree: Tree): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const [k, v] of flatten(tree)) {
    const base = k.replace(PLURAL, '');
    const vars = out.get(base) ?? new Set<string>();
    for (const m of v.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)) vars.add(m[1]);
    out.set(base, vars);
  }
  return out;
}

const LANGS = TRANSLATIONS as Record<string, Tree>;
const EN = shape(LANGS.en);

describe('translations', () => {
  it.each(['fr', 'es'])('%s has exactly the keys of English', (lang) => {
    const other = shape(LANGS[lang]);
    expect([...EN.keys()].filter((k) => !other.has(k))).toEqual([]);
    expect([...other.keys()].filter((k) => !EN.has(k))).toEqual([]);
  });

  it.each(['fr', 'es'])('%s uses the same variables as English in every message', (lang) => {
    const other = shape(LANGS[lang]);
    const differ = [...EN.entries()].filter(([k, vars]) => other.has(k) && [...vars].sort().join() !== [...other.get(k)!].sort().join()).map(([k]) => k);
    expect(differ).toEqual([]);
  });

  it('has no empty message in any language', () => {
    for (const [lang, tree] of Object.entries(LANGS)) expect([...flatten(tree)].filter(([, v]) => !v.trim()).map(([k]) => `${lang}:${k}`)).toEqual([]);
  });

  it('knows, in English, every key the web app names literally', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (/\.tsx?$/.test(e.name)) files.push(p);
      }
    };
    walk(path.join(ROOT, 'web'));
    expect(files.length).toBeGreaterThan(20);
    const missing = new Set<string>();
    for (const file of files) {
      const src = fs.readFileSync(file, 'utf8');
      for (const m of src.matchAll(/\bt\(\s*'([a-zA-Z][\w]*(?:\.[\w]+)+)'/g)) if (!EN.has(m[1].replace(PLURAL, ''))) missing.add(`${path.relative(ROOT, file)}: ${m[1]}`);
    }
    expect([...missing]).toEqual([]);
  });
});
