/**
 * The import kinds Accord knows, by name (`/imports/:kind`). A capability adds its own import by
 * registering an `Importer` (see pipeline.ts) from its module, which `importers/index.ts` loads.
 */
import type { Importer } from './pipeline';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const importers = new Map<string, Importer<any>>();

/** Adds an import kind; a kind is registered once (a second registration is a programming error). */
export function registerImporter<T>(importer: Importer<T>): void {
  if (!/^[a-z][a-z0-9-]{1,60}$/.test(importer.kind)) throw new RangeError(`Not an import kind name: ${importer.kind}`);
  if (importers.has(importer.kind)) throw new RangeError(`The import kind ${importer.kind} is registered twice`);
  importers.set(importer.kind, importer);
}

/** The importer of a kind, or undefined. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const importerFor = (kind: string): Importer<any> | undefined => importers.get(kind);

/** Every registered importer, by kind name. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const allImporters = (): Importer<any>[] => [...importers.values()].sort((a, b) => a.kind.localeCompare(b.kind));
