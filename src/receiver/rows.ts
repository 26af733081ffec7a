import type { StoredRecord } from './types'

/** The columns of a stored record, named as `StoredRecord`'s fields. */
export const COLUMNS = `seq, id::text AS id, created_at, updated_at, expires_at, revision, choices, method, gpc, language,
  texts_hash, received_at, prev_hash, hash`

const iso = (value: unknown) => new Date(value as string | Date).toISOString()

/** A row as the drivers return it (bigint as string on `pg`, times as Date) made a `StoredRecord`. */
export function toRecord(row: Record<string, unknown>): StoredRecord {
  return {
    id: row.id as string,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    expiresAt: iso(row.expires_at),
    revision: Number(row.revision),
    choices: row.choices as Record<string, boolean>,
    method: row.method as StoredRecord['method'],
    gpc: row.gpc as boolean,
    language: row.language as string,
    textsHash: row.texts_hash as string,
    seq: Number(row.seq),
    receivedAt: iso(row.received_at),
    prevHash: row.prev_hash as string,
    hash: row.hash as string,
  }
}

/** The table's columns with their types, for reading a batch from JSON (`jsonb_to_recordset`). */
export const COLUMN_TYPES = `seq bigint, id uuid, created_at timestamptz, updated_at timestamptz, expires_at timestamptz,
  revision bigint, choices jsonb, method text, gpc boolean, language text, texts_hash text, received_at timestamptz,
  prev_hash text, hash text`
export const COLUMN_NAMES = COLUMN_TYPES.replace(/ [a-z]+(,|$)/g, '$1')

/** A stored record as the table's columns, named as they are. */
export const toColumns = (r: StoredRecord) => ({
  seq: r.seq,
  id: r.id,
  created_at: r.createdAt,
  updated_at: r.updatedAt,
  expires_at: r.expiresAt,
  revision: r.revision,
  choices: r.choices,
  method: r.method,
  gpc: r.gpc,
  language: r.language,
  texts_hash: r.textsHash,
  received_at: r.receivedAt,
  prev_hash: r.prevHash,
  hash: r.hash,
})
