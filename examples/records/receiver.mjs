// An example consent-record receiver: validates each record strictly and appends it,
// one JSON line per record, to a file that is flushed to disk before answering.
import { closeSync, fsyncSync, mkdirSync, openSync, writeSync } from 'node:fs'
import { dirname } from 'node:path'

export const MAX_BYTES = 4096
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/
const FIELDS = {
  id: (v) => typeof v == 'string' && UUID.test(v),
  createdAt: (v) => typeof v == 'string' && ISO.test(v) && !isNaN(Date.parse(v)),
  updatedAt: (v) => typeof v == 'string' && ISO.test(v) && !isNaN(Date.parse(v)),
  expiresAt: (v) => typeof v == 'string' && ISO.test(v) && !isNaN(Date.parse(v)),
  revision: (v) => Number.isInteger(v) && v >= 0,
  choices: (v) =>
    typeof v == 'object' && v !== null && !Array.isArray(v) && v.necessary === true &&
    Object.keys(v).length <= 64 &&
    Object.entries(v).every(([k, b]) => /^(necessary|analytics|marketing|personalization)(\.[\w-]{1,40})?$/.test(k) && typeof b == 'boolean'),
  method: (v) => ['accept-all', 'reject-all', 'custom', 'withdraw'].includes(v),
  gpc: (v) => typeof v == 'boolean',
  language: (v) => typeof v == 'string' && /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8})*$/.test(v),
  textsHash: (v) => typeof v == 'string' && /^[0-9a-z]{1,7}$/.test(v),
}

/** Null when `text` is a well-formed record, else what is wrong with it. */
export function recordProblem(text) {
  let record
  try {
    record = JSON.parse(text)
  } catch {
    return 'body is not JSON'
  }
  if (typeof record != 'object' || record === null || Array.isArray(record)) return 'body is not a JSON object'
  const unknown = Object.keys(record).filter((k) => !(k in FIELDS))
  if (unknown.length) return 'unknown fields: ' + unknown.join(', ')
  for (const [name, valid] of Object.entries(FIELDS)) if (!valid(record[name])) return `field ${name} is missing or malformed`
  if (!(record.createdAt <= record.updatedAt && record.updatedAt < record.expiresAt)) return 'timestamps are out of order'
  return null
}

function answer(res, status, text) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' })
  res.end(text)
}

function store(file, res, text) {
  if (Buffer.byteLength(text) > MAX_BYTES) return answer(res, 413, `a record is at most ${MAX_BYTES} bytes`)
  const problem = recordProblem(text)
  if (problem) return answer(res, 400, problem)
  const line = JSON.stringify({ receivedAt: new Date().toISOString(), ...JSON.parse(text) }) + '\n'
  const fd = openSync(file, 'a')
  try {
    writeSync(fd, line)
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
  answer(res, 204, '')
}

/**
 * A node:http handler for POSTed records, appending valid ones to `file`. A server that
 * has read the body already passes it as `body`.
 */
export function createRecordReceiver(file) {
  mkdirSync(dirname(file), { recursive: true })
  return (req, res, body) => {
    if (req.method !== 'POST') return answer(res, 405, 'POST a consent record')
    const type = (req.headers['content-type'] || '').split(';')[0].trim()
    if (type !== 'text/plain' && type !== 'application/json') return answer(res, 415, 'send JSON as text/plain or application/json')
    if (typeof body == 'string') return store(file, res, body)
    let size = 0
    const chunks = []
    req.on('data', (chunk) => {
      size += chunk.length
      if (size <= MAX_BYTES) chunks.push(chunk)
      else if (!res.headersSent) answer(res, 413, `a record is at most ${MAX_BYTES} bytes`), req.destroy()
    })
    req.on('end', () => size <= MAX_BYTES && store(file, res, Buffer.concat(chunks).toString('utf8')))
  }
}
