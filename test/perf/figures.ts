import fs from 'node:fs'

/** One measured figure of a bench, as `npm run bench` collects them into one table. */
export interface Figure {
  bench: string
  name: string
  value: number
  unit: string
}

/**
 * Prints a figure and, when `npm run bench` runs this bench, appends it to the file it names in
 * BENCH_FIGURES (one JSON object a line), so one run's figures end up in one table.
 */
export function report(bench: string, name: string, value: number, unit: string): void {
  const shown = Number.isInteger(value) ? String(value) : value.toFixed(1)
  console.log(`${name.padEnd(52)} ${shown.padStart(10)} ${unit}`)
  const file = process.env.BENCH_FIGURES
  if (file) fs.appendFileSync(file, `${JSON.stringify({ bench, name, value, unit } satisfies Figure)}\n`)
}

/** The resident memory of a process, in MB, from /proc (Linux). */
export function residentMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
  return Number(status.match(/VmRSS:\s+(\d+) kB/)![1]) / 1024
}
