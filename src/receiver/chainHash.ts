/// <reference types="node" />
import { createHash } from 'node:crypto'
import type { StoredRecord } from './types'

/** The hash before the first row ever stored. */
export const GENESIS = '0'.repeat(64)

/**
 * The canonical form of a row, the text its hash covers: a JSON array (JSON.stringify, so
 * string escapes are fixed by ECMA-262) of its fields in this order, times as ISO 8601 UTC
 * with milliseconds, `choices` as [key, value] pairs sorted by key (UTF-16 code units):
 *   [seq, id, createdAt, updatedAt, expiresAt, revision, choices, method, gpc, language, textsHash, receivedAt]
 * Anyone can recompute it from an export (`docs/proof-of-consent.md`).
 */
export function canonicalRow(row: Omit<StoredRecord, 'hash' | 'prevHash'>): string {
  const choices = Object.keys(row.choices)
    .sort()
    .map((key) => [key, row.choices[key]])
  return JSON.stringify([
    row.seq,
    row.id,
    row.createdAt,
    row.updatedAt,
    row.expiresAt,
    row.revision,
    choices,
    row.method,
    row.gpc,
    row.language,
    row.textsHash,
    row.receivedAt,
  ])
}

/** SHA-256 (hex) of `consentry-chain-v1`, the previous row's hash and this row's canonical form, one per line. */
export function chainHash(prevHash: string, row: Omit<StoredRecord, 'hash' | 'prevHash'>): string {
  return createHash('sha256')
    .update('consentry-chain-v1\n' + prevHash + '\n' + canonicalRow(row))
    .digest('hex')
}
