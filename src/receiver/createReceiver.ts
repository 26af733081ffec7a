/// <reference types="node" />
import type { IncomingMessage, ServerResponse } from 'node:http'
import { adminRoutes } from './adminRoutes'
import { createStore } from './createStore'
import { openDatabase } from './openDatabase'
import { receiveRecord } from './receiveRecord'
import { respond } from './respond'
import type { Receiver, ReceiverOptions } from './types'

const DAY = 864e5

function originOf(value: string): string {
  try {
    const url = new URL(value)
    if (url.origin != 'null') return url.origin
  } catch {}
  throw new TypeError(`[consentry] receiver origins must be URLs like https://www.example.com, got "${value}"`)
}

function checkOptions(options: ReceiverOptions) {
  const retentionDays = options.retentionDays ?? 395
  if (!(Number.isFinite(retentionDays) && retentionDays >= 0))
    throw new TypeError(
      `[consentry] receiver retentionDays must be a number of days >= 0 (0: keep forever), got ${options.retentionDays}`,
    )
  const path = (options.path ?? '/consent-records').replace(/\/+$/, '')
  if (!path.startsWith('/')) throw new TypeError(`[consentry] receiver path must start with /, got "${options.path}"`)
  if (options.adminToken !== undefined && options.adminToken.length < 16)
    throw new TypeError('[consentry] receiver adminToken must be at least 16 characters (e.g. openssl rand -hex 32)')
  return {
    retentionDays,
    path,
    origins: (options.origins ?? []).map(originOf),
    adminToken: options.adminToken,
    log: options.log ?? ((message: string) => console.error(message)),
  }
}

/**
 * The consent-record receiver as a `node:http` handler: `POST <path>` stores what
 * the SDK beacons, `GET <path>/<id>` and `GET <path>/export` answer an admin with the token.
 * Records go to PostgreSQL: PGlite in `dataDir`, or the server at `databaseUrl`.
 */
export function createReceiver(options: ReceiverOptions = {}): Receiver {
  const settings = checkOptions(options)
  const opened = openDatabase({
    databaseUrl: options.databaseUrl,
    dataDir: options.dataDir ?? './consentry-data',
    log: settings.log,
  }).then(createStore)
  const store = () => opened
  let timer: ReturnType<typeof setInterval> | undefined
  let closed: Promise<void> | undefined

  const purge = async (before = new Date(Date.now() - settings.retentionDays * DAY)) => (await opened).purge(before)
  const purgeLogged = () => {
    purge().catch((error: Error) => settings.log(error.message))
  }
  const ready = opened.then(() => {
    if (settings.retentionDays && !closed) {
      purgeLogged()
      timer = setInterval(purgeLogged, DAY)
      timer.unref()
    }
  })
  // A failed open is reported by `ready` and by a 503 to each request, never as an unhandled rejection.
  ready.catch(() => {})

  async function handle(req: IncomingMessage, res: ServerResponse, sub: string): Promise<void> {
    if (closed) return respond(res, 503, { error: 'the receiver is closed' })
    try {
      await opened
    } catch (error) {
      settings.log('[consentry] the consent-record database is not available: ' + (error as Error).message)
      return respond(res, 503, { error: 'the consent-record database is not available' })
    }
    if (sub == '') return receiveRecord(req, res, { origins: settings.origins, store, log: settings.log })
    // Without a token the admin routes do not exist.
    if (!settings.adminToken) return respond(res, 404, { error: 'not found' })
    return adminRoutes(req, res, sub, settings.adminToken, store)
  }

  const receiver = ((
    req: IncomingMessage & { originalUrl?: string },
    res: ServerResponse,
    next?: (error?: unknown) => void,
  ) => {
    const { pathname } = new URL(req.originalUrl ?? req.url ?? '/', 'http://x')
    if (pathname != settings.path && !pathname.startsWith(settings.path + '/')) {
      if (next) next()
      else respond(res, 404, { error: 'not found' })
      return
    }
    handle(req, res, pathname.slice(settings.path.length + 1)).catch((error: Error) => {
      settings.log('[consentry] the receiver failed: ' + error.message)
      if (!res.headersSent) respond(res, 500, { error: 'internal error' })
      else res.destroy()
    })
  }) as Receiver

  return Object.assign(receiver, {
    ready,
    purge,
    verify: async () => (await opened).verify(),
    close() {
      closed ??= (async () => {
        clearInterval(timer)
        await (await opened.catch(() => null))?.close()
      })()
      return closed
    },
  })
}
