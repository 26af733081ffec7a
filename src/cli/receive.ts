/// <reference types="node" />
import { createServer } from 'node:http'
import { parseArgs } from 'node:util'
import { createReceiver } from '../receiver/createReceiver'
import type { ReceiverOptions } from '../receiver/types'

const USAGE = `Usage: consentry receive [options]

Stores the consent records the SDK beacons (recordEndpoint) in PostgreSQL: embedded PGlite in
a data directory by default, a PostgreSQL server with --database-url.

  --port N               port to listen on (default 8787; 0 picks a free one)
  --host HOST            address to listen on (default 127.0.0.1)
  --data DIR             PGlite data directory (default ./consentry-data)
  --database-url URL     a PostgreSQL server instead (or CONSENTRY_DATABASE_URL)
  --origin URL           a site origin allowed to send records; repeat for more
                         (without any: same-origin requests only)
  --admin-token TOKEN    enables GET /consent-records/<id> and /consent-records/export
                         with Authorization: Bearer TOKEN (or CONSENTRY_ADMIN_TOKEN)
  --retention-days N     purge records received more than N days ago, daily (default 395; 0: never)
  --verify               check the hash chain and exit: 0 intact, 1 broken
  --purge-now            purge what is past the retention period and exit
  --help                 this text

With PGlite, stop the running receiver before --verify or --purge-now on its data directory.`

const fail = (message: string) => {
  console.error(`consentry receive: ${message}\n\n${USAGE}`)
  return 2
}

function parse(args: string[]) {
  return parseArgs({
    args,
    strict: true,
    options: {
      port: { type: 'string', default: '8787' },
      host: { type: 'string', default: '127.0.0.1' },
      data: { type: 'string', default: './consentry-data' },
      'database-url': { type: 'string' },
      origin: { type: 'string', multiple: true, default: [] },
      'admin-token': { type: 'string' },
      'retention-days': { type: 'string', default: '395' },
      verify: { type: 'boolean', default: false },
      'purge-now': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  }).values
}

/** `consentry receive`: serve the receiver until SIGINT/SIGTERM, or verify or purge and exit. */
export async function main(args: string[]): Promise<number> {
  let flags: ReturnType<typeof parse>
  try {
    flags = parse(args)
  } catch (error) {
    return fail((error as Error).message)
  }
  if (flags.help) {
    console.log(USAGE)
    return 0
  }
  const port = Number(flags.port)
  const retentionDays = Number(flags['retention-days'])
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    return fail(`--port must be a port number, got "${flags.port}"`)
  if (!Number.isFinite(retentionDays) || retentionDays < 0)
    return fail(`--retention-days must be a number >= 0, got "${flags['retention-days']}"`)
  const options: ReceiverOptions = {
    dataDir: flags.data,
    databaseUrl: flags['database-url'] ?? process.env.CONSENTRY_DATABASE_URL,
    origins: flags.origin,
    adminToken: flags['admin-token'] ?? process.env.CONSENTRY_ADMIN_TOKEN,
    // The daily purge belongs to the serving receiver; --verify must change nothing.
    retentionDays: flags.verify || flags['purge-now'] ? 0 : retentionDays,
  }
  let receiver
  try {
    receiver = createReceiver(options)
    await receiver.ready
  } catch (error) {
    console.error((error as Error).message)
    await receiver?.close().catch(() => {})
    return 2
  }
  const where = options.databaseUrl ? 'PostgreSQL at ' + new URL(options.databaseUrl).host : 'PGlite in ' + flags.data
  if (flags.verify || flags['purge-now']) {
    try {
      if (flags.verify) {
        const report = await receiver.verify()
        const head = `head: row ${report.head.seq} ${report.head.hash}`
        if (report.ok) console.log(`chain intact: ${report.rows} rows checked (${where}); ${head}`)
        else
          console.log(
            `chain broken at row ${report.broken!.seq}: ${report.broken!.reason} (${report.rows} rows checked before it)`,
          )
        return report.ok ? 0 : 1
      }
      if (!retentionDays) {
        console.log('retention is off (--retention-days 0): nothing purged')
        return 0
      }
      const purged = await receiver.purge(new Date(Date.now() - retentionDays * 864e5))
      console.log(`purged ${purged} records received more than ${retentionDays} days ago (${where})`)
      return 0
    } catch (error) {
      console.error((error as Error).message)
      return 1
    } finally {
      await receiver.close()
    }
  }
  const active = receiver
  const server = createServer(active)
  return new Promise((done) => {
    server.on('error', (error) => {
      console.error(`consentry receive: could not listen on ${flags.host}:${port}: ${error.message}`)
      void active.close().then(() => done(2))
    })
    server.listen(port, flags.host, () => {
      const address = server.address() as { port: number }
      const host = flags.host.includes(':') ? `[${flags.host}]` : flags.host
      console.log(`Consentry receiver: http://${host}:${address.port}/consent-records (records in ${where})`)
      if (!options.origins!.length) console.log('No --origin given: only same-origin requests are accepted.')
    })
    const stop = () => {
      server.close()
      server.closeAllConnections()
      void active.close().then(() => done(0))
    }
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
  })
}
