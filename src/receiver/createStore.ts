import { chainHash } from './chainHash'
import type { Database, Queryable } from './openDatabase'
import { COLUMN_NAMES, COLUMN_TYPES, COLUMNS, toColumns, toRecord } from './rows'
import { SCHEMA } from './schema'
import type { ChainReport, ReceivedRecord, StoredRecord } from './types'
import { walkChain, type Link } from './walkChain'

export interface Store {
  /** Resolves once the record is committed (or was already stored: same id and updatedAt). */
  insert(record: ReceivedRecord): Promise<void>
  lookup(id: string): Promise<StoredRecord[]>
  /** Records whose decision time is in [from, to), by decision time, a page at a time. */
  between(from: Date, to: Date): AsyncGenerator<StoredRecord>
  purge(before: Date): Promise<number>
  verify(): Promise<ChainReport>
  close(): Promise<void>
}

interface Pending {
  record: ReceivedRecord
  done: () => void
  fail: (error: unknown) => void
}

interface Chain {
  head: Link
  anchor: Link
}

// Up to this many records share one transaction (and one commit's flush to disk).
const BATCH = 500

async function readChain(tx: Queryable, lock: boolean): Promise<Chain> {
  const [row] = await tx.query(
    `SELECT head_seq, head_hash, anchor_seq, anchor_hash FROM consent_chain${lock ? ' FOR UPDATE' : ''}`,
  )
  if (!row) throw new Error('[consentry] the consent_chain table has no row: the schema was changed by hand')
  return {
    head: { seq: Number(row.head_seq), hash: row.head_hash as string },
    anchor: { seq: Number(row.anchor_seq), hash: row.anchor_hash as string },
  }
}

/**
 * Appends a batch to the chain. The chain's row lock serializes writers (also several
 * receivers on one server), so the duplicate check and the seq/hash of each new row are
 * decided under it; the unique (id, updated_at) constraint backs that up.
 */
async function append(tx: Queryable, records: ReceivedRecord[], receivedAt: string): Promise<void> {
  const chain = await readChain(tx, true)
  const fresh = new Map(records.map((r) => [r.id + ' ' + r.updatedAt, r]))
  // The batch goes as one JSON parameter: a few parameters cost less than 14 per record.
  const keys = JSON.stringify([...fresh.values()].map((r) => ({ id: r.id, updated_at: r.updatedAt })))
  const stored = await tx.query<{ id: string; updated_at: Date | string }>(
    `SELECT c.id::text AS id, c.updated_at FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, updated_at timestamptz)
     JOIN consent_records c ON c.id = r.id AND c.updated_at = r.updated_at`,
    [keys],
  )
  for (const row of stored) fresh.delete(row.id + ' ' + new Date(row.updated_at).toISOString())
  if (!fresh.size) return
  let last = chain.head
  const rows: StoredRecord[] = []
  for (const record of fresh.values()) {
    const row = { ...record, seq: last.seq + 1, receivedAt, prevHash: last.hash, hash: '' }
    row.hash = chainHash(row.prevHash, row)
    rows.push(row)
    last = row
  }
  // One round trip: a data-modifying WITH runs whether or not the outer statement reads it.
  await tx.query(
    `WITH added AS (INSERT INTO consent_records (${COLUMN_NAMES}) SELECT ${COLUMN_NAMES} FROM jsonb_to_recordset($1::jsonb) AS r(${COLUMN_TYPES}))
     UPDATE consent_chain SET head_seq = $2, head_hash = $3`,
    [JSON.stringify(rows.map(toColumns)), last.seq, last.hash],
  )
}

/** The receiver's storage on an open database: creates the schema, then batches writes. */
export async function createStore(db: Database): Promise<Store> {
  await db.exec(SCHEMA)
  const queue: Pending[] = []
  let writing: Promise<void> | null = null
  let lastReceived = 0

  async function write(): Promise<void> {
    while (queue.length) {
      const batch = queue.splice(0, BATCH)
      // The receiver's clock, kept from going back so receivedAt follows seq.
      lastReceived = Math.max(Date.now(), lastReceived)
      try {
        await db.transaction((tx) =>
          append(
            tx,
            batch.map((pending) => pending.record),
            new Date(lastReceived).toISOString(),
          ),
        )
        for (const pending of batch) pending.done()
      } catch (error) {
        for (const pending of batch) pending.fail(error)
      }
    }
    writing = null
  }

  return {
    insert(record) {
      return new Promise((done, fail) => {
        queue.push({ record, done, fail })
        writing ??= write()
      })
    },

    async lookup(id) {
      return (await db.query(`SELECT ${COLUMNS} FROM consent_records WHERE id = $1::uuid ORDER BY seq`, [id])).map(
        toRecord,
      )
    },

    async *between(from, to) {
      let after: [string, number] = [from.toISOString(), 0]
      for (;;) {
        const page = (
          await db.query(
            `SELECT ${COLUMNS} FROM consent_records
             WHERE updated_at >= $1 AND updated_at < $2 AND (updated_at, seq) > ($3::timestamptz, $4::bigint)
             ORDER BY updated_at, seq LIMIT 1000`,
            [from.toISOString(), to.toISOString(), ...after],
          )
        ).map(toRecord)
        yield* page
        const last = page.at(-1)
        if (!last || page.length < 1000) return
        after = [last.updatedAt, last.seq]
      }
    },

    purge(before) {
      return db.transaction(async (tx) => {
        const { head, anchor } = await readChain(tx, true)
        const [keep] = await tx.query('SELECT min(seq) AS seq FROM consent_records WHERE received_at >= $1', [
          before.toISOString(),
        ])
        const through = keep?.seq != null ? Number(keep.seq) - 1 : head.seq
        if (through <= anchor.seq) return 0
        // What is purged must check out first, or the new anchor would make an edit unprovable.
        const walked = await walkChain(tx, anchor, through)
        const broken =
          walked.broken ??
          (walked.last.seq != through ? { seq: walked.last.seq + 1, reason: 'missing (deleted)' } : null)
        if (broken)
          throw new Error(
            `[consentry] not purging: the chain is broken at row ${broken.seq} (${broken.reason}); run consentry receive --verify`,
          )
        await tx.query("SELECT set_config('consentry.purging', 'on', true)")
        const [deleted] = await tx.query(
          'WITH gone AS (DELETE FROM consent_records WHERE seq <= $1 RETURNING 1) SELECT count(*) AS n FROM gone',
          [through],
        )
        await tx.query('UPDATE consent_chain SET anchor_seq = $1, anchor_hash = $2', [through, walked.last.hash])
        await tx.query('INSERT INTO consent_purges VALUES (now(), $1, $2, $3, $4)', [
          before.toISOString(),
          through,
          walked.last.hash,
          Number(deleted!.n),
        ])
        return Number(deleted!.n)
      })
    },

    verify() {
      return db.transaction(async (tx) => {
        // One snapshot for the whole walk (PostgreSQL servers; PGlite runs one transaction at a time anyway).
        await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ')
        const { head, anchor } = await readChain(tx, false)
        const walked = await walkChain(tx, anchor, head.seq)
        const report: ChainReport = { ok: true, rows: walked.rows, head, anchor }
        let broken = walked.broken
        if (!broken && walked.last.seq != head.seq)
          broken = {
            seq: walked.last.seq + 1,
            reason: `rows ${walked.last.seq + 1} to ${head.seq} are missing (deleted)`,
          }
        else if (!broken && walked.last.hash != head.hash)
          broken = { seq: head.seq, reason: 'its hash is not the chain head recorded with it (edited)' }
        else if (!broken) {
          const [extra] = await tx.query('SELECT min(seq) AS seq FROM consent_records WHERE seq > $1', [head.seq])
          if (extra?.seq != null)
            broken = { seq: Number(extra.seq), reason: 'it is past the chain head (inserted outside the receiver)' }
        }
        return broken ? { ...report, ok: false, broken } : report
      })
    },

    async close() {
      while (writing) await writing
      await db.close()
    },
  }
}
