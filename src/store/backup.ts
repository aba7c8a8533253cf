import SQLite from 'better-sqlite3';

/** Online backup of the embedded database (safe while the server writes), reporting pages copied. */
export async function backupSqlite(source: string, target: string, onProgress?: (done: number, total: number) => void): Promise<void> {
  const db = new SQLite(source, { readonly: true, fileMustExist: true });
  try {
    await db.backup(target, {
      progress: ({ totalPages, remainingPages }) => {
        onProgress?.(totalPages - remainingPages, totalPages);
        return 200;
      },
    });
  } finally {
    db.close();
  }
}
