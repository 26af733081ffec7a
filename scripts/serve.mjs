// `npm start`: serves examples/ at /, dist/ at /dist/ and the few browser builds of
// dependencies the offline examples import at /vendor/, on 127.0.0.1; and the real
// consent-record receiver (consentry/receiver) at /consent-records, on embedded PGlite.
import { randomBytes } from 'node:crypto'
import { createServer } from 'node:http'
import { fileURLToPath } from 'node:url'
import { createReceiver } from '../dist/receiver.mjs'
import { serveWithCsp } from './csp.mjs'
import { sendText, serveFile, serveStatic } from './static.mjs'

const dir = (name) => fileURLToPath(new URL('../' + name, import.meta.url))
const mounts = [
  { prefix: '/', dir: dir('examples') },
  { prefix: '/dist/', dir: dir('dist') },
]
// Exact files only: the whole of node_modules is not for the network.
const vendor = {
  '/vendor/js-cookie.mjs': dir('node_modules/js-cookie/dist/js.cookie.mjs'),
  '/vendor/nanoevents.js': dir('node_modules/nanoevents/index.js'),
  '/vendor/vue.esm-browser.prod.js': dir('node_modules/vue/dist/vue.esm-browser.prod.js'),
}
// Records survive restarts in .artifacts/receiver-data (CONSENTRY_DATA elsewhere, `memory://` for none);
// the admin token for looking them up is printed at start unless CONSENTRY_ADMIN_TOKEN sets one.
// The database opens on the first record request, so serving pages alone costs nothing.
const adminToken = process.env.CONSENTRY_ADMIN_TOKEN || randomBytes(16).toString('hex')
let receiver
const records = () =>
  (receiver ??= createReceiver({ dataDir: process.env.CONSENTRY_DATA || dir('.artifacts/receiver-data'), adminToken }))
const port = Number(process.env.PORT ?? 8080)

const server = createServer((req, res) => {
  const path = new URL(req.url ?? '/', 'http://x').pathname
  if (path === '/consent-records' || path.startsWith('/consent-records/')) return records()(req, res)
  if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'Method not allowed')
  // Served with its strict Content-Security-Policy and a fresh nonce each time.
  if (path === '/strict-csp.html')
    return void serveWithCsp(dir('examples/strict-csp.html'), res).catch(() =>
      sendText(res, 500, 'Could not read the file'),
    )
  const found = Object.hasOwn(vendor, path) ? serveFile(vendor[path], req, res) : serveStatic(mounts, req, res)
  found.then(
    (served) => served || sendText(res, 404, 'Not found'),
    () => sendText(res, 500, 'Could not read the file'),
  )
})

server.on('error', (error) => {
  console.error(`Could not serve on 127.0.0.1:${port}: ${error.message}`)
  process.exit(1)
})

server.listen(port, '127.0.0.1', () => {
  const base = `http://127.0.0.1:${server.address().port}`
  console.log(`Consentry examples: ${base}/`)
  console.log(`Consent records: POST ${base}/consent-records; look one up with`)
  console.log(`  curl -H 'Authorization: Bearer ${adminToken}' ${base}/consent-records/<consent id>`)
})

// PGlite writes each commit before answering; closing it on a signal makes the next start quicker.
for (const signal of ['SIGINT', 'SIGTERM'])
  process.once(signal, () => {
    server.close()
    Promise.resolve(receiver?.close()).finally(() => process.exit(0))
  })
