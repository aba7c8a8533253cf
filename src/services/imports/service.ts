/**
 * Use cases around imports and exports that are not the pipeline itself: what can be imported into a
 * partnership (and by the caller), empty templates to fill in, and opening a list for export.
 */
import type { Deps } from '../context';
import { can, type Actor, type Resource } from '../../domain/access/can';
import { notFound } from '../../domain/kernel/errors';
import { msg } from '../../domain/kernel/messages';
import { loadFor } from '../partnerships/partnerships';
import { allImporters, importerFor } from './registry';
import { exportLists, tableOf, type ExportColumn, type OpenTable } from './exports';
import { registerBuiltins } from './builtins';

registerBuiltins();

/** The import kinds with their columns, and whether the caller may run each in this partnership. */
export async function describeImports(deps: Deps, anyActor: Actor, partnershipId: string) {
  const { p, actor } = await loadFor(deps.database.db, anyActor, partnershipId, 'partnership.read');
  const resource: Resource = { type: 'partnership', id: p.id, visibility: p.visibility };
  return {
    items: allImporters().map((i) => ({
      kind: i.kind,
      title: i.title,
      allowed: can(actor, i.action, resource),
      columns: i.columns.map((c) => ({ key: c.key, label: c.label, required: c.required ?? false, aliases: [...(c.aliases ?? [])], description: c.description ?? null })),
    })),
    exports: exportLists(),
  };
}

/** An empty file with the header row of an import kind (and nothing else), to fill in. */
export async function importTemplate(deps: Deps, anyActor: Actor, partnershipId: string, kind: string): Promise<OpenTable<never>> {
  await loadFor(deps.database.db, anyActor, partnershipId, 'partnership.read');
  const importer = importerFor(kind);
  if (!importer) throw notFound(msg('imports.the_import', { kind }));
  const columns: ExportColumn<never>[] = importer.columns.map((c) => ({ header: c.label, value: () => null }));
  return tableOf(importer.title, columns, []);
}
