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

/** The record in the SDK's field order, then the receiver's own fields. */
export const INSERT_COLUMNS = [
  'seq',
  'id',
  'created_at',
  'updated_at',
  'expires_at',
  'revision',
  'choices',
  'method',
  'gpc',
  'language',
  'texts_hash',
  'received_at',
  'prev_hash',
  'hash',
]

/** The parameters `INSERT_COLUMNS` take for one record. */
export const insertValues = (r: StoredRecord): unknown[] => [
  r.seq,
  r.id,
  r.createdAt,
  r.updatedAt,
  r.expiresAt,
  r.revision,
  JSON.stringify(r.choices),
  r.method,
  r.gpc,
  r.language,
  r.textsHash,
  r.receivedAt,
  r.prevHash,
  r.hash,
]
