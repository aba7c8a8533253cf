import { describe, it, expect } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';

// The allowed imports of docs/architecture.md, enforced on every file.
const ROOT = path.resolve(import.meta.dirname, '..');
const LAYERS: Record<string, string[]> = {
  'src/domain': ['src/domain'],
  'src/contracts': ['src/contracts', 'src/domain'],
  'src/store': ['src/store', 'src/domain'],
  'src/standards': ['src/standards'],
  'src/config': ['src/config'],
  'src/services': ['src/services', 'src/domain', 'src/store', 'src/config', 'src/standards'],
  'src/server': ['src/server', 'src/services', 'src/contracts', 'src/domain', 'src/store', 'src/config', 'src/standards'],
  'src/cli': ['src/cli', 'src/services', 'src/store', 'src/contracts', 'src/domain', 'src/server', 'src/config', 'demo'],
  web: ['web', 'src/contracts', 'src/domain'],
};
const NO_PACKAGES: Record<string, RegExp> = {
  'src/domain': /^(?!node:crypto$)(?!zod$)/, // pure: only node:crypto (hashing) and nothing else outside
  'src/contracts': /^(?!zod$)/,
  web: /^(kysely|better-sqlite3|pg|fastify|@fastify\/|node:)/,
};
const DB_PACKAGES = /^(kysely|better-sqlite3|pg)$/;

function files(dir: string): string[] {
  const abs = path.join(ROOT, dir);
  if (!fs.existsSync(abs)) return [];
  return fs.readdirSync(abs, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && /\.(ts|tsx)$/.test(d.name) && !/\.(test|spec)\.tsx?$/.test(d.name))
    .map((d) => path.relative(ROOT, path.join(d.parentPath, d.name)));
}

function importsOf(file: string): string[] {
  const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1] ?? m[2]);
}

const layerOf = (rel: string) => Object.keys(LAYERS).sort((a, b) => b.length - a.length).find((l) => rel === l || rel.startsWith(l + '/'));

describe('architecture: one-way imports', () => {
  for (const layer of Object.keys(LAYERS)) {
    it(`${layer} imports only from ${LAYERS[layer].join(', ')}`, () => {
      const violations: string[] = [];
      for (const file of files(layer)) {
        for (const spec of importsOf(file)) {
          if (spec.startsWith('.')) {
            const target = path.relative(ROOT, path.resolve(path.dirname(path.join(ROOT, file)), spec));
            const targetLayer = layerOf(target) ?? target.split('/')[0];
            if (!LAYERS[layer].includes(targetLayer)) violations.push(`${file} -> ${target}`);
          } else {
            const pkgRule = NO_PACKAGES[layer];
            if (layer === 'src/domain' || layer === 'src/contracts') {
              if (pkgRule.test(spec)) violations.push(`${file} -> package ${spec}`);
            } else if (pkgRule && pkgRule.test(spec)) violations.push(`${file} -> package ${spec}`);
            if (DB_PACKAGES.test(spec) && layer !== 'src/store') violations.push(`${file} -> database package ${spec}`);
          }
        }
      }
      expect(violations).toEqual([]);
    });
  }

  it('keeps web features independent: web/features/x never imports web/features/y', () => {
    const violations: string[] = [];
    for (const file of files('web/features')) {
      const own = file.split('/')[2];
      for (const spec of importsOf(file)) {
        if (!spec.startsWith('.')) continue;
        const target = path.relative(ROOT, path.resolve(path.dirname(path.join(ROOT, file)), spec));
        if (target.startsWith('web/features/') && target.split('/')[2] !== own) violations.push(`${file} -> ${target}`);
      }
    }
    expect(violations).toEqual([]);
  });

  it('finds the files it checks (the check itself is not vacuous)', () => {
    expect(files('src/domain').length).toBeGreaterThan(3);
    expect(importsOf('src/services/context.ts')).toContain('../store/database');
  });
});
