// The consent-record receiver (DESIGN §9) against both of its databases: embedded PGlite and
// a real PostgreSQL server started for this file (scripts/postgres.mjs), never a mock.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { createServer, request, type Server } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { startPostgres } from '../../scripts/postgres.mjs'
import { main as receive } from '../../src/cli/receive'
import { chainHash, createReceiver, type Receiver, type ReceiverOptions } from '../../src/receiver/index'
import { createStore, type Store } from '../../src/receiver/createStore'
import { openDatabase, peer, type Database } from '../../src/receiver/openDatabase'
import { toRecord } from '../../src/receiver/rows'
import { makeRecord } from './record'

const TOKEN = 'test-admin-token-0123456789'
const SITE = 'https://www.site.test'
let postgres: Awaited<ReturnType<typeof startPostgres>>
let databases = 0
const temp: string[] = []

beforeAll(async () => {
  postgres = await startPostgres()
}, 90_000)
afterAll(() => {
  postgres?.stop()
  for (const dir of temp) rmSync(dir, { recursive: true, force: true })
}, 60_000)

/** A fresh, empty database on the PostgreSQL server. */
async function freshDatabaseUrl(): Promise<string> {
  const name = `receiver_${++databases}`
  const admin = new pg.Client(postgres.url)
  await admin.connect()
  await admin.query(`CREATE DATABASE ${name}`)
  await admin.end()
  return postgres.url.replace(/\/postgres$/, '/' + name)
}
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'consentry-receiver-'))
  temp.push(dir)
  return dir
}

const BACKENDS = [
  { name: 'PGlite', location: async (): Promise<ReceiverOptions> => ({ dataDir: 'memory://' }) },
  {
    name: 'a PostgreSQL server',
    location: async (): Promise<ReceiverOptions> => ({ databaseUrl: await freshDatabaseUrl() }),
  },
]

async function listen(receiver: Receiver): Promise<{ url: string; server: Server }> {
  const server = createServer(receiver)
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}`, server }
}

describe.each(BACKENDS)('the receiver on $name', ({ location }) => {
  let receiver: Receiver
  let base: string
  let server: Server
  beforeAll(async () => {
    receiver = createReceiver({ ...(await location()), origins: [SITE], adminToken: TOKEN, log: () => {} })
    await receiver.ready
    ;({ url: base, server } = await listen(receiver))
  }, 60_000)
  afterAll(async () => {
    server?.close()
    await receiver?.close()
  }, 60_000)

  const post = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(base + '/consent-records', {
      method: 'POST',
      body: typeof body == 'string' ? body : JSON.stringify(body),
      headers: { 'content-type': 'text/plain;charset=UTF-8', origin: SITE, ...headers },
    })
  const admin = (path: string, token = TOKEN) =>
    fetch(base + '/consent-records' + path, { headers: { authorization: 'Bearer ' + token } })
  const lookup = async (id: string) => {
    const res = await admin('/' + id)
    return res.status == 404 ? [] : ((await res.json()) as Record<string, unknown>[])
  }

  it('stores a record with 204 and a CORS header for the listed origin, and a retried beacon once', async () => {
    const record = makeRecord()
    const res = await post(record)
    expect([res.status, res.headers.get('access-control-allow-origin')]).toEqual([204, SITE])
    expect((await post(record)).status).toBe(204)
    expect((await post(record, { 'content-type': 'application/json' })).status).toBe(204)
    const later = {
      ...record,
      updatedAt: '2026-11-21T08:00:00.000Z',
      expiresAt: '2027-05-22T08:00:00.000Z',
      method: 'withdraw',
    }
    expect((await Promise.all([post(later), post(later), post(later)])).map((r) => r.status)).toEqual([204, 204, 204])
    const stored = await lookup(record.id)
    expect(stored.map((r) => r.method)).toEqual(['custom', 'withdraw'])
    expect(Object.keys(stored[0]!).sort()).toEqual(
      [...Object.keys(record), 'seq', 'receivedAt', 'prevHash', 'hash'].sort(),
    )
    expect(stored[0]).toMatchObject(record)
    expect(stored[1]!.prevHash).toBe(stored[0]!.hash)
  })

  it('answers 400 naming the field, and stores nothing', async () => {
    const record = makeRecord()
    const answers = []
    for (const body of [
      '{not json',
      [record],
      { ...record, ip: '203.0.113.9' },
      { ...record, choices: { ...record.choices, analytics: 'yes' } },
      { ...record, method: 'implied' },
    ])
      answers.push([(await post(body)).status, ((await (await post(body)).json()) as { field?: string }).field])
    expect(answers).toEqual(
      [
        [400, undefined],
        [400, ''],
        [400, 'ip'],
        [400, 'choices.analytics'],
        [400, 'method'],
      ].map(([s, f]) => [s, f || undefined]),
    )
    expect(await lookup(record.id)).toEqual([])
  })

  it('answers 403 to an origin not listed, and to a post without an origin', async () => {
    const record = makeRecord()
    const res = await post(record, { origin: 'https://evil.test' })
    expect([res.status, res.headers.get('access-control-allow-origin')]).toEqual([403, null])
    const bare = await new Promise<number>((done) => {
      const req = request(
        base + '/consent-records',
        { method: 'POST', headers: { 'content-type': 'text/plain' } },
        (r) => done(r.statusCode!),
      )
      req.end(JSON.stringify(record))
    })
    expect(bare).toBe(403)
    expect(await lookup(record.id)).toEqual([])
  })

  it('answers a CORS preflight for a listed origin only', async () => {
    const preflight = (origin: string) =>
      fetch(base + '/consent-records', {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      })
    const ok = await preflight(SITE)
    expect([
      ok.status,
      ok.headers.get('access-control-allow-origin'),
      ok.headers.get('access-control-allow-methods'),
    ]).toEqual([204, SITE, 'POST'])
    const refused = await preflight('https://evil.test')
    expect([refused.status, refused.headers.get('access-control-allow-origin')]).toEqual([403, null])
  })

  it('answers 413 over 8 KB, announced or streamed, 415 for other types and 405 for other methods', async () => {
    const big = makeRecord({ language: 'x'.repeat(9000) })
    expect((await post(big)).status).toBe(413)
    const streamed = await new Promise<number>((done) => {
      const req = request(
        base + '/consent-records',
        { method: 'POST', headers: { 'content-type': 'text/plain', origin: SITE } },
        (r) => done(r.statusCode!),
      )
      req.on('error', () => done(-1))
      for (let i = 0; i < 20; i++) req.write('x'.repeat(1000))
      req.end()
    })
    expect(streamed).toBe(413)
    expect((await post(makeRecord(), { 'content-type': 'application/x-www-form-urlencoded' })).status).toBe(415)
    expect((await fetch(base + '/consent-records')).status).toBe(405)
    expect((await fetch(base + '/elsewhere')).status).toBe(404)
  })

  it('answers lookups and exports only with the token', async () => {
    const record = makeRecord({
      updatedAt: '2026-10-02T10:00:00.000Z',
      createdAt: '2026-10-02T10:00:00.000Z',
      expiresAt: '2027-04-01T10:00:00.000Z',
    })
    expect((await post(record)).status).toBe(204)
    for (const path of ['/' + record.id, '/export']) {
      expect((await fetch(base + '/consent-records' + path)).status).toBe(401)
      const wrong = await admin(path, TOKEN.slice(0, -1) + 'x')
      expect([wrong.status, wrong.headers.get('www-authenticate')]).toEqual([401, 'Bearer realm="consent-records"'])
    }
    expect((await admin('/' + makeRecord().id)).status).toBe(404)
    const exported = await admin('/export?from=2026-10-01&to=2026-10-03')
    expect([exported.status, exported.headers.get('content-type')]).toEqual([
      200,
      'application/x-ndjson; charset=utf-8',
    ])
    const lines = (await exported.text())
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line))
    expect(lines).toEqual([expect.objectContaining({ ...record, seq: expect.any(Number) })])
    expect((await admin('/export?from=2026-10-03')).status).toBe(200)
    expect(await (await admin('/export?from=2026-10-03&to=2026-10-04')).text()).toBe('')
    expect(await (await admin('/export?from=yesterday')).json()).toEqual({
      error: expect.stringContaining('from'),
      field: 'from',
    })
  })

  it('keeps one gapless chain under many concurrent posts', async () => {
    const records = [...Array(60)].map(() => makeRecord())
    const statuses = await Promise.all(records.map((r) => post(r).then((res) => res.status)))
    expect(new Set(statuses)).toEqual(new Set([204]))
    const report = await receiver.verify()
    expect(report).toMatchObject({ ok: true, anchor: { seq: 0 } })
    expect(report.rows).toBe(report.head.seq)
  }, 30_000)
})

describe.each(BACKENDS)('the hash chain on $name', ({ location }) => {
  let db: Database
  let store: Store
  beforeAll(async () => {
    const where = await location()
    db = await openDatabase({ databaseUrl: where.databaseUrl, dataDir: where.dataDir ?? '', log: () => {} })
    store = await createStore(db)
    // Who edits the table by hand first turns the append-only triggers off.
    await db.exec('ALTER TABLE consent_records DISABLE TRIGGER USER')
  }, 60_000)
  afterAll(() => store?.close(), 60_000)

  const row = async (seq: number) => (await db.query('SELECT * FROM consent_records WHERE seq = $1', [seq]))[0]!
  const restore = async (saved: Record<string, unknown>) => {
    const columns = Object.keys(saved)
    await db.query(
      `INSERT INTO consent_records (${columns}) VALUES (${columns.map((_, i) => '$' + (i + 1))})`,
      columns.map((c) => (c == 'choices' ? JSON.stringify(saved[c]) : saved[c])),
    )
  }

  it('detects an edited row, a rehashed edit, a deleted row and a deleted newest row', async () => {
    await Promise.all([...Array(5)].map(() => store.insert(makeRecord() as never)))
    expect(await store.verify()).toMatchObject({ ok: true, rows: 5, head: { seq: 5 } })
    const third = await row(3)
    await db.query(
      `UPDATE consent_records SET choices = '{"necessary":true,"analytics":false,"marketing":false,"personalization":false}' WHERE seq = 3`,
    )
    expect((await store.verify()).broken).toEqual({ seq: 3, reason: expect.stringContaining('edited') })
    // An editor who recomputes the edited row's hash breaks the link to the next row instead.
    const edited = toRecord(await row(3))
    await db.query('UPDATE consent_records SET hash = $1 WHERE seq = 3', [chainHash(edited.prevHash, edited)])
    expect((await store.verify()).broken).toEqual({ seq: 4, reason: expect.stringContaining('prev_hash') })
    await db.query('DELETE FROM consent_records WHERE seq = 3')
    await restore(third)
    expect((await store.verify()).ok).toBe(true)
    await db.query('DELETE FROM consent_records WHERE seq = 3')
    expect((await store.verify()).broken).toEqual({ seq: 3, reason: expect.stringContaining('missing') })
    await restore(third)
    const fifth = await row(5)
    await db.query('DELETE FROM consent_records WHERE seq = 5')
    expect((await store.verify()).broken).toEqual({ seq: 5, reason: expect.stringContaining('missing') })
    await restore(fifth)
    expect((await store.verify()).ok).toBe(true)
  })

  it('purges a prefix, keeps the rest verifiable from an anchor, and refuses to purge a broken chain', async () => {
    const before = await store.verify()
    await new Promise((r) => setTimeout(r, 20))
    const cut = new Date()
    await new Promise((r) => setTimeout(r, 20))
    const kept = [makeRecord(), makeRecord()]
    for (const record of kept) await store.insert(record as never)
    expect(await store.purge(cut)).toBe(before.head.seq)
    expect(await store.purge(cut)).toBe(0)
    const after = await store.verify()
    expect(after).toMatchObject({ ok: true, rows: 2, anchor: before.head, head: { seq: before.head.seq + 2 } })
    expect((await store.lookup(kept[0]!.id)).length).toBe(1)
    const purges = await db.query('SELECT through_seq, row_count FROM consent_purges')
    expect(purges.map((p) => [Number(p.through_seq), Number(p.row_count)])).toEqual([
      [before.head.seq, before.head.seq],
    ])
    await db.query('DELETE FROM consent_records WHERE seq = $1', [before.head.seq + 1])
    expect((await store.verify()).broken).toEqual({
      seq: before.head.seq + 1,
      reason: expect.stringContaining('missing'),
    })
    await expect(store.purge(new Date(Date.now() + 1000))).rejects.toThrow(/not purging: the chain is broken/)
  })

  it('refuses updates and deletes while its triggers are on', async () => {
    await db.exec('ALTER TABLE consent_records ENABLE TRIGGER USER')
    await expect(db.query("UPDATE consent_records SET method = 'accept-all'")).rejects.toThrow(/append-only/)
    await expect(db.query('DELETE FROM consent_records')).rejects.toThrow(/append-only/)
    await expect(db.query('TRUNCATE consent_records')).rejects.toThrow(/append-only/)
  })
})

describe('restarting', () => {
  it('keeps every record in the same PGlite data directory, which one process holds at a time; the CLI verifies and purges it', async () => {
    const dataDir = join(tempDir(), 'data')
    const records = [makeRecord(), makeRecord(), makeRecord()]
    let receiver = createReceiver({ dataDir, log: () => {} })
    let { url, server } = await listen(receiver)
    const send = (record: unknown) =>
      fetch(url + '/consent-records', {
        method: 'POST',
        body: JSON.stringify(record),
        headers: { 'content-type': 'text/plain' },
      })
    expect((await Promise.all(records.map(send))).map((r) => r.status)).toEqual([204, 204, 204])
    // Without an admin token there are no lookup or export routes.
    for (const path of ['/consent-records/' + records[0]!.id, '/consent-records/export'])
      expect((await fetch(url + path, { headers: { authorization: 'Bearer ' + TOKEN } })).status).toBe(404)
    // Without an allow-list: same-origin posts only, and no CORS headers.
    const cross = await fetch(url + '/consent-records', {
      method: 'POST',
      body: JSON.stringify(makeRecord()),
      headers: { 'content-type': 'text/plain', origin: 'https://other.test' },
    })
    expect(cross.status).toBe(403)
    const same = await fetch(url + '/consent-records', {
      method: 'POST',
      body: JSON.stringify(records[0]),
      headers: { 'content-type': 'text/plain', origin: url },
    })
    expect([same.status, same.headers.get('access-control-allow-origin')]).toEqual([204, null])
    // Another process is turned away while this one has the directory.
    const other = spawnSync(process.execPath, ['bin/consentry.mjs', 'receive', '--data', dataDir, '--verify'], {
      encoding: 'utf8',
    })
    expect([other.status, other.stderr.trim()]).toEqual([
      2,
      `[consentry] the data directory ${dataDir} is in use by process ${process.pid}: stop that receiver first`,
    ])
    server.close()
    await receiver.close()
    expect(readdirSync(dataDir)).not.toContain('consentry-receiver.pid')

    receiver = createReceiver({ dataDir, adminToken: TOKEN, log: () => {} })
    ;({ url, server } = await listen(receiver))
    for (const record of records) {
      const res = await fetch(url + '/consent-records/' + record.id, { headers: { authorization: 'Bearer ' + TOKEN } })
      expect(await res.json()).toEqual([expect.objectContaining(record)])
    }
    server.close()
    await receiver.close()

    const logged = vi.spyOn(console, 'log').mockImplementation(() => {})
    try {
      expect(await receive(['--data', dataDir, '--verify'])).toBe(0)
      expect(logged.mock.lastCall?.[0]).toMatch(/^chain intact: 3 rows checked/)
      expect(await receive(['--data', dataDir, '--purge-now', '--retention-days', '1'])).toBe(0)
      expect(logged.mock.lastCall?.[0]).toMatch(/^purged 0 records/)
    } finally {
      logged.mockRestore()
    }
  }, 120_000)
})

describe('its peer dependencies', () => {
  it('says in one line how to add a missing one', async () => {
    await expect(peer('consentry-no-such-package', 'this')).rejects.toThrow(
      '[consentry] this needs the package consentry-no-such-package: npm install consentry-no-such-package',
    )
  })
})

it('never reads a client address or user agent', () => {
  const dir = new URL('../../src/receiver/', import.meta.url)
  for (const file of readdirSync(dir))
    expect(readFileSync(new URL(file, dir), 'utf8')).not.toMatch(/remoteAddress|socket|user-agent|forwarded/i)
})
