/// <reference types="node" />
// `consentry scan <url>…`: checks a site the way a regulator's crawler would.
import { buildReport } from '../scanner/buildReport'
import { formatReport } from '../scanner/formatReport'
import { launchChromium, ScanSetupError } from '../scanner/launchChromium'
import { parseScanArgs, USAGE } from '../scanner/parseScanArgs'
import { scanSite } from '../scanner/scanSite'
import type { PageReport } from '../scanner/types'
import { vendors } from '../vendors'

// The bench and screenshot scripts launch Chromium with the scanner's flags, read from the build.
export { CHROMIUM_FLAGS } from '../scanner/launchChromium'

/** Runs the scan and prints its report; resolves the exit code: 0 clean, 1 a leak, 2 could not scan. */
export async function main(args: string[]): Promise<number> {
  const parsed = parseScanArgs(args)
  if ('help' in parsed) {
    console.log(USAGE)
    return 0
  }
  if ('error' in parsed) {
    console.error(`consentry scan: ${parsed.error}\n\n${USAGE}`)
    return 2
  }
  const { options } = parsed
  const startedAt = new Date()
  // The pages scanned before the failure stay in the JSON report.
  const fail = (message: string, pages: PageReport[] = []) => {
    if (options.json) console.log(JSON.stringify(buildReport(options, startedAt, pages, vendors, message), null, 2))
    console.error(`consentry scan: ${message}`)
    return 2
  }
  let browser
  try {
    browser = await launchChromium(options.resolve)
  } catch (error) {
    if (error instanceof ScanSetupError) return fail(error.message)
    throw error
  }
  try {
    const progress =
      !options.json && process.stderr.isTTY ? (url: string) => process.stderr.write(`scanning ${url}\n`) : undefined
    const { pages, error } = await scanSite(browser, options, vendors, progress)
    if (error) return fail(error, pages)
    const report = buildReport(options, startedAt, pages, vendors)
    const color = !!process.stdout.isTTY && !process.env.NO_COLOR
    process.stdout.write(options.json ? JSON.stringify(report, null, 2) + '\n' : formatReport(report, color))
    return report.exitCode
  } finally {
    await browser.close()
  }
}
