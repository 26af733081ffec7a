// Load and faults for the consent-record receiver (`consentry receive`), over loopback, against
// embedded PGlite and a PostgreSQL server: concurrent clients post SDK-shaped records for
// --duration seconds; then every acknowledged (204) record must be in the table. A second run
// SIGKILLs the receiver mid-load, restarts it on the same data and counts acknowledged records lost.
// Usage: npm run build && node bench/receiver.mjs [--duration 60] [--clients 32] [--backend pglite|postgres|both]
import { spawn } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { Agent, request } from 'node:http'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { startPostgres } from '../scripts/postgres.mjs'

const { values: flags } = parseArgs({
  options: {
    duration: { type: 'string', default: '60' },
    'fault-duration': { type: 'string', default: '10' },
    clients: { type: 'string', default: '32' },
    backend: { type: 'string', default: 'both' },
  },
})
const DURATION = Number(flags.duration) * 1000
const FAULT_DURATION = Number(flags['fault-duration']) * 1000
const CLIENTS = Number(flags.clients)
const TOKEN = 'bench-admin-token-' + randomUUID()
const bin = new URL('../bin/consentry.mjs', import.meta.url).pathname

/** Starts `consentry receive` on a free port; resolves to { url, child } once it listens. */
function startReceiver(storage) {
  const child = spawn(process.execPath, [bin, 'receive', '--port', '0', '--admin-token', TOKEN, ...storage], {
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  return new Promise((done, fail) => {
    let out = ''
    child.stdout.on('data', (chunk) => {
      out += chunk
      const url = /Consentry receiver: (http:\/\/\S+)/.exec(out)?.[1]
      if (url) done({ url, child })
    })
    child.on('exit', (code) => fail(new Error(`the receiver exited with ${code}: ${out}`)))
  })
}

const stopReceiver = (child) =>
  new Promise((done) => {
    if (child.exitCode !== null || child.signalCode !== null) return done()
    child.once('exit', done)
    child.kill('SIGTERM')
  })

function makeRecord() {
  const now = Math.floor(Date.now() / 1000) * 1000
  return {
    id: randomUUID(),
    createdAt: new Date(now).toISOString(),
    updatedAt: new Date(now).toISOString(),
    expiresAt: new Date(now + 182 * 864e5).toISOString(),
    revision: 1,
    choices: { necessary: true, analytics: true, marketing: false, personalization: true },
    method: 'custom',
    gpc: false,
    language: 'en',
    textsHash: '1x2y3z',
  }
}

function post(agent, url, body) {
  return new Promise((done) => {
    const req = request(
      url,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'text/plain;charset=UTF-8', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        res.resume()
        res.on('end', () => done(res.statusCode))
      },
    )
    req.on('error', () => done(0))
    req.end(body)
  })
}

/** Clients post until `until` (ms); resolves to the acknowledged ids and each ack's latency. */
async function load(url, until) {
  const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS })
  const acked = []
  const latencies = []
  let refused = 0
  const client = async () => {
    while (Date.now() < until) {
      const record = makeRecord()
      const start = performance.now()
      const status = await post(agent, url, JSON.stringify(record))
      if (status === 204) {
        latencies.push(performance.now() - start)
        acked.push(record.id)
      } else {
        refused++
        // A dead receiver refuses at once; don't spin.
        if (status === 0) await new Promise((r) => setTimeout(r, 5))
      }
    }
  }
  await Promise.all([...Array(CLIENTS)].map(client))
  agent.destroy()
  return { acked, latencies, refused }
}

/** Every id in the table, through the export route. */
async function storedIds(url) {
  const res = await fetch(url + '/export', { headers: { authorization: 'Bearer ' + TOKEN } })
  if (res.status !== 200) throw new Error('export answered ' + res.status)
  const ids = new Set()
  for (const line of (await res.text()).split('\n')) if (line) ids.add(JSON.parse(line).id)
  return ids
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN

async function run(name, storage) {
  // Sustained load.
  let { url, child } = await startReceiver(storage)
  const started = Date.now()
  const { acked, latencies, refused } = await load(url, started + DURATION)
  const seconds = (Date.now() - started) / 1000
  let stored = await storedIds(url)
  const missing = acked.filter((id) => !stored.has(id)).length
  await stopReceiver(child)
  const sorted = latencies.sort((a, b) => a - b)
  const result = {
    backend: name,
    'records/s': Math.round(acked.length / seconds),
    'p50 ms': percentile(sorted, 50).toFixed(1),
    'p99 ms': percentile(sorted, 99).toFixed(1),
    acknowledged: acked.length,
    refused,
    'acknowledged missing': missing,
  }
  // Faults: SIGKILL halfway through, restart on the same data, count.
  ;({ url, child } = await startReceiver(storage))
  const faultStart = Date.now()
  const killer = setTimeout(() => child.kill('SIGKILL'), FAULT_DURATION / 2)
  const fault = await load(url, faultStart + FAULT_DURATION / 2 + 500)
  clearTimeout(killer)
  await new Promise((done) =>
    child.exitCode !== null || child.signalCode !== null ? done() : child.once('exit', done),
  )
  ;({ url, child } = await startReceiver(storage))
  stored = await storedIds(url)
  const verify = await new Promise((done) => {
    stopReceiver(child).then(() => {
      const check = spawn(process.execPath, [bin, 'receive', '--verify', ...storage], {
        stdio: ['ignore', 'pipe', 'inherit'],
      })
      let out = ''
      check.stdout.on('data', (chunk) => (out += chunk))
      check.on('exit', (code) => done({ code, out: out.trim() }))
    })
  })
  return {
    ...result,
    'killed: acknowledged before SIGKILL': fault.acked.length,
    'killed: acknowledged lost': fault.acked.filter((id) => !stored.has(id)).length,
    'chain after restart': verify.code === 0 ? 'intact' : verify.out,
  }
}

const results = []
const temp = mkdtempSync(join(tmpdir(), 'consentry-bench-'))
try {
  if (flags.backend !== 'postgres') results.push(await run('PGlite', ['--data', join(temp, 'pglite')]))
  if (flags.backend !== 'pglite') {
    const postgres = await startPostgres({ fsync: true })
    try {
      results.push(await run('PostgreSQL 15 (fsync on)', ['--database-url', postgres.url]))
    } finally {
      postgres.stop()
    }
  }
} finally {
  rmSync(temp, { recursive: true, force: true })
}
console.log(
  `receiver bench, ${new Date().toISOString().slice(0, 10)}: ${cpus().length} cores (${cpus()[0]?.model}), load average ${loadavg()[0].toFixed(1)} at the end; ${CLIENTS} clients, ${DURATION / 1000} s load, ${FAULT_DURATION / 1000} s fault run with SIGKILL halfway`,
)
console.table(results)
