// Shared with other features: the CSV export lives in web/lib/export.ts.
export { downloadCsv, fetchAll } from '../../lib/export';
