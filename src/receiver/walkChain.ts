import { chainHash } from './chainHash'
import type { Queryable } from './openDatabase'
import { COLUMNS, toRecord } from './rows'

export interface Link {
  seq: number
  hash: string
}

export interface Walk {
  rows: number
  /** The last row that checked out (or `from` when none did). */
  last: Link
  broken?: { seq: number; reason: string }
}

const PAGE = 1000

/**
 * Follows the chain from `from` (the anchor: a purged row, or seq 0) through row `through`:
 * each row must have the next seq, carry the previous row's hash, and hash to its own `hash`.
 * Stops at the first broken link. Rows are read a page at a time.
 */
export async function walkChain(db: Queryable, from: Link, through: number): Promise<Walk> {
  let last = from
  let rows = 0
  for (;;) {
    const page = await db.query(
      `SELECT ${COLUMNS} FROM consent_records WHERE seq > $1 AND seq <= $2 ORDER BY seq LIMIT ${PAGE}`,
      [last.seq, through],
    )
    for (const raw of page) {
      const row = toRecord(raw)
      const expected = last.seq + 1
      if (row.seq != expected)
        return {
          rows,
          last,
          broken: { seq: expected, reason: `row ${expected} is missing (deleted); the next row is ${row.seq}` },
        }
      if (row.prevHash != last.hash)
        return {
          rows,
          last,
          broken: {
            seq: row.seq,
            reason: `its prev_hash is not the hash of row ${last.seq} (one of the two was edited)`,
          },
        }
      if (chainHash(row.prevHash, row) != row.hash)
        return { rows, last, broken: { seq: row.seq, reason: 'its content does not match its hash (edited)' } }
      last = { seq: row.seq, hash: row.hash }
      rows++
    }
    if (page.length < PAGE) return { rows, last }
  }
}
