// `npm start`: serves examples/ at /, dist/ at /dist/ and the few browser builds of
// dependencies the offline examples import at /vendor/, on 127.0.0.1; and the example
// consent-record receiver at POST /consent-records.
import { createServer } from 'node:http'
import { fileURLToPath } from 'node:url'
import { createRecordReceiver } from '../examples/records/receiver.mjs'
import { serveWithCsp } from './csp.mjs'
import { sendText, serveFile, serveStatic } from './static.mjs'

const dir = (name) => fileURLToPath(new URL('../' + name, import.meta.url))
const mounts = [
  { prefix: '/', dir: dir('examples') },
  { prefix: '/dist/', dir: dir('dist') },
]
// Exact files only: the whole of node_modules is not for the network.
const vendor = {
  '/vendor/nanoevents.js': dir('node_modules/nanoevents/index.js'),
  '/vendor/vue.esm-browser.prod.js': dir('node_modules/vue/dist/vue.esm-browser.prod.js'),
}
const receiveRecord = createRecordReceiver(dir('.artifacts/consent-records.jsonl'))
const port = Number(process.env.PORT ?? 8080)

const server = createServer((req, res) => {
  const path = new URL(req.url ?? '/', 'http://x').pathname
  if (path === '/consent-records') return receiveRecord(req, res)
  if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'Method not allowed')
  // Served with its strict Content-Security-Policy and a fresh nonce each time.
  if (path === '/strict-csp.html')
    return void serveWithCsp(dir('examples/strict-csp.html'), res).catch(() => sendText(res, 500, 'Could not read the file'))
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
  console.log(`Consentry examples: http://127.0.0.1:${server.address().port}/`)
})
