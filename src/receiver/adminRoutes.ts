/// <reference types="node" />
import { createHash, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Store } from './createStore'
import { respond } from './respond'

const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/
const DATE = /^\d{4}-\d\d-\d\d(T\d\d:\d\d(:\d\d(\.\d{1,3})?)?(Z|[+-]\d\d:\d\d))?$/

const digest = (text: string) => createHash('sha256').update(text).digest()

/** Compares the bearer token in constant time (both sides hashed first, so lengths leak nothing either). */
function authorized(req: IncomingMessage, token: string): boolean {
  const given = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? ''
  return timingSafeEqual(digest(given), digest(token))
}

function dateParam(url: URL, name: string, fallback: Date): Date | string {
  const value = url.searchParams.get(name)
  if (value === null || value === '') return fallback
  const date = new Date(value)
  return DATE.test(value) && !isNaN(date.getTime())
    ? date
    : `${name} must be a date like 2026-01-31 or an ISO 8601 time`
}

async function sendExport(res: ServerResponse, store: Store, from: Date, to: Date): Promise<void> {
  res.writeHead(200, {
    'Content-Type': 'application/x-ndjson; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  })
  for await (const record of store.between(from, to)) {
    if (!res.write(JSON.stringify(record) + '\n')) await new Promise((resume) => res.once('drain', resume))
  }
  res.end()
}

/**
 * `GET <path>/<id>` (that visitor's decisions, oldest first) and `GET <path>/export?from=&to=`
 * (JSON Lines by decision time, `from` inclusive, `to` exclusive), behind the bearer token.
 */
export async function adminRoutes(
  req: IncomingMessage,
  res: ServerResponse,
  sub: string,
  token: string,
  store: () => Promise<Store>,
): Promise<void> {
  if (!authorized(req, token))
    return respond(
      res,
      401,
      { error: 'send Authorization: Bearer <admin token>' },
      { 'WWW-Authenticate': 'Bearer realm="consent-records"' },
    )
  if (req.method != 'GET') return respond(res, 405, { error: 'only GET here' }, { Allow: 'GET' })
  const url = new URL(req.url ?? '/', 'http://x')
  if (sub == 'export') {
    const from = dateParam(url, 'from', new Date(0))
    const to = dateParam(url, 'to', new Date('9999-12-31T23:59:59.999Z'))
    if (typeof from == 'string') return respond(res, 400, { error: from, field: 'from' })
    if (typeof to == 'string') return respond(res, 400, { error: to, field: 'to' })
    return sendExport(res, await store(), from, to)
  }
  if (!ID.test(sub)) return respond(res, 404, { error: 'no such route; GET <path>/<consent id> or <path>/export' })
  const records = await (await store()).lookup(sub)
  if (!records.length) return respond(res, 404, { error: 'no records with this consent id' })
  respond(res, 200, records)
}
