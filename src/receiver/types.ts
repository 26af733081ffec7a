/// <reference types="node" />
import type { IncomingMessage, ServerResponse } from 'node:http'

/** How a decision was made, as the SDK records it. */
export type ReceivedMethod = 'accept-all' | 'reject-all' | 'custom' | 'withdraw'

/** One consent record as the SDK sends it: `consent.record()` plus `textsHash`. */
export interface ReceivedRecord {
  id: string
  createdAt: string
  updatedAt: string
  expiresAt: string
  revision: number
  choices: Record<string, boolean>
  method: ReceivedMethod
  gpc: boolean
  language: string
  /** Hash of the texts the visitor was shown (banner, dialog, categories), in their language. */
  textsHash: string
}

/** A record as stored: what the SDK sent, when it arrived, and its link in the hash chain. */
export interface StoredRecord extends ReceivedRecord {
  /** Position in the chain: one sequence for the whole table, without gaps. */
  seq: number
  /** ISO 8601 time the receiver stored it (its own clock, not the visitor's). */
  receivedAt: string
  /** `hash` of the row before it (or of the last purged row; 64 zeros for the first row ever). */
  prevHash: string
  /** SHA-256 (hex) of this row's canonical form and `prevHash`: see `chainHash`. */
  hash: string
}

/** What `verify()` found. */
export interface ChainReport {
  ok: boolean
  /** Rows checked. */
  rows: number
  /** The last row's position and hash: note it somewhere else to detect a rewrite of the whole table later. */
  head: { seq: number; hash: string }
  /** Where the chain starts after retention purges (seq 0 and 64 zeros before any purge). */
  anchor: { seq: number; hash: string }
  /** The first broken link, when `ok` is false. */
  broken?: { seq: number; reason: string }
}

export interface ReceiverOptions {
  /**
   * A PostgreSQL server's URL (`postgres://user:password@host:5432/db`), used through `pg`.
   * Without it, records go to embedded PGlite in `dataDir`.
   */
  databaseUrl?: string
  /**
   * PGlite's data directory, created when missing; `memory://` keeps nothing (tests).
   * @default './consentry-data'
   */
  dataDir?: string
  /**
   * Origins (`https://www.example.com`) allowed to post records, and the only ones given CORS
   * headers. Without any, only same-origin posts (Origin matching Host) and posts without an Origin are taken.
   * @default []
   */
  origins?: string[]
  /** Bearer token for the lookup and export routes; without one those routes do not exist (404). */
  adminToken?: string
  /**
   * Days a record is kept after it was received; older ones are purged once a day. `0` turns the purge off.
   * @default 395
   */
  retentionDays?: number
  /**
   * The path the routes live under: `POST <path>`, `GET <path>/<id>`, `GET <path>/export`.
   * @default '/consent-records'
   */
  path?: string
  /** Where storage errors are reported (never with an IP address or user agent). @default console.error */
  log?: (message: string) => void
}

/** A `node:http` request handler (also Express middleware: other paths go to `next`). */
export interface Receiver {
  (req: IncomingMessage, res: ServerResponse, next?: (error?: unknown) => void): void
  /** Resolves once the database is open and its schema is in place; rejects when it cannot be. */
  readonly ready: Promise<void>
  /** Checks the whole hash chain. */
  verify(): Promise<ChainReport>
  /** Deletes the records received before `before` (default: `retentionDays` ago); resolves to how many. */
  purge(before?: Date): Promise<number>
  /** Stops the daily purge, waits for pending writes and closes the database. */
  close(): Promise<void>
}
