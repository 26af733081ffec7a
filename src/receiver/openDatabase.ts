/// <reference types="node" />
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/** The few calls the receiver makes, the same on PGlite and on a PostgreSQL server. */
export interface Queryable {
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>
}

export interface Database extends Queryable {
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>
  /** Runs several statements, without parameters (the schema). */
  exec(sql: string): Promise<void>
  close(): Promise<void>
  /** `PGlite at <dir>` or `PostgreSQL at <host>/<db>`, never with a password. */
  readonly description: string
}

interface Rows {
  rows: unknown[]
}
interface PgClient {
  query(sql: string, params?: unknown[]): Promise<Rows>
  release(error?: Error | boolean): void
}
interface PgPool {
  query(sql: string, params?: unknown[]): Promise<Rows>
  connect(): Promise<PgClient>
  end(): Promise<void>
  on(event: 'error', listener: (error: Error) => void): unknown
}
interface PgliteInstance {
  query(sql: string, params?: unknown[]): Promise<Rows>
  exec(sql: string): Promise<unknown>
  transaction<T>(work: (tx: { query(sql: string, params?: unknown[]): Promise<Rows> }) => Promise<T>): Promise<T>
  close(): Promise<void>
}

/** Imports an optional peer dependency, or says in one line how to add it. */
export async function peer<T>(name: string, use: string): Promise<T> {
  try {
    return (await import(name)) as T
  } catch (error) {
    const code = (error as { code?: string }).code
    if ((code == 'ERR_MODULE_NOT_FOUND' || code == 'MODULE_NOT_FOUND') && String(error).includes(name))
      throw new Error(`[consentry] ${use} needs the package ${name}: npm install ${name}`)
    throw error
  }
}

const rowsOf = <Row>(result: Rows) => result.rows as Row[]

const alive = (pid: number) => {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as { code?: string }).code == 'EPERM'
  }
}

/**
 * PGlite is PostgreSQL in this process, with no postmaster to keep a second process out of
 * its data directory, and two at once would corrupt it: a pid file does that. One left by a
 * killed process is taken over. Returns its remover.
 */
function lockDataDir(dataDir: string): () => void {
  if (dataDir.startsWith('memory://')) return () => {}
  mkdirSync(dataDir, { recursive: true })
  const file = join(dataDir, 'consentry-receiver.pid')
  let holder = 0
  try {
    holder = Number(readFileSync(file, 'utf8'))
  } catch {}
  if (holder && holder != process.pid && alive(holder))
    throw new Error(
      `[consentry] the data directory ${dataDir} is in use by process ${holder}: stop that receiver first`,
    )
  writeFileSync(file, String(process.pid))
  return () => rmSync(file, { force: true })
}

async function openPglite(dataDir: string): Promise<Database> {
  const { PGlite } = await peer<{ PGlite: { create(dataDir: string): Promise<PgliteInstance> } }>(
    '@electric-sql/pglite',
    'storing records in embedded PostgreSQL (the default, without --database-url)',
  )
  const unlock = lockDataDir(dataDir)
  let db: PgliteInstance
  try {
    db = await PGlite.create(dataDir)
  } catch (error) {
    unlock()
    throw error
  }
  return {
    description: 'PGlite at ' + dataDir,
    query: async (sql, params) => rowsOf(await db.query(sql, params)),
    async exec(sql) {
      await db.exec(sql)
    },
    transaction: (work) =>
      db.transaction((tx) => work({ query: async (sql, params) => rowsOf(await tx.query(sql, params)) })),
    async close() {
      await db.close()
      unlock()
    },
  }
}

async function openServer(url: string, log: (message: string) => void): Promise<Database> {
  const pg = await peer<{
    default?: { Pool: new (options: object) => PgPool }
    Pool?: new (options: object) => PgPool
  }>('pg', 'storing records in a PostgreSQL server (--database-url)')
  const Pool = (pg.Pool ?? pg.default?.Pool)!
  const pool = new Pool({ connectionString: url, max: 4 })
  // An idle connection the server drops must not crash the process; the next query reconnects.
  pool.on('error', (error) => log('[consentry] PostgreSQL connection lost: ' + error.message))
  const where = new URL(url)
  return {
    description: `PostgreSQL at ${where.host}${where.pathname}`,
    query: async (sql, params) => rowsOf(await pool.query(sql, params)),
    async exec(sql) {
      await pool.query(sql)
    },
    async transaction(work) {
      const client = await pool.connect()
      try {
        await client.query('BEGIN')
        const result = await work({ query: async (sql, params) => rowsOf(await client.query(sql, params)) })
        await client.query('COMMIT')
        client.release()
        return result
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {})
        client.release(true)
        throw error
      }
    },
    close: () => pool.end(),
  }
}

/** A PostgreSQL server when `databaseUrl` is given, else PGlite in `dataDir`. */
export function openDatabase(options: {
  databaseUrl?: string
  dataDir: string
  log: (message: string) => void
}): Promise<Database> {
  return options.databaseUrl ? openServer(options.databaseUrl, options.log) : openPglite(options.dataDir)
}
