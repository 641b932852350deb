// A numbered schema change. Shipped migrations are never edited: a fix is a new migration.
export interface Migration {
  version: number;
  name: string;
  sql: string;
}
