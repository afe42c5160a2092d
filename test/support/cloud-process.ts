import { ChildProcess, spawn } from 'node:child_process'
import path from 'node:path'

const REPO = path.resolve(__dirname, '../..')

export interface CloudProcess {
  url: string
  child: ChildProcess
  /** Stops the process with a signal and waits for it to exit. */
  stop(signal?: NodeJS.Signals): Promise<void>
}

/** `npm run cloud` as its own OS process (one process: node with the tsx loader, no wrapper), on a free port. */
export function startCloudProcess(dataDir: string, extraArgs: string[] = [], startTimeoutMs = 30_000): Promise<CloudProcess> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(REPO, 'local-cloud/cli.ts'), '--port', '0', '--data', dataDir, '--no-timers', ...extraArgs],
    { cwd: REPO, env: { ...process.env, TENCENTCLOUD: 'true' }, stdio: ['ignore', 'pipe', 'pipe'] },
  )
  let output = ''
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`local cloud did not start:\n${output}`)), startTimeoutMs)
    child.stderr!.on('data', (chunk) => (output += chunk))
    child.stdout!.on('data', (chunk) => {
      output += chunk
      const url = output.match(/local cloud ready at (http:\/\/127\.0\.0\.1:\d+)/)?.[1]
      if (!url) return
      clearTimeout(timer)
      child.stdout!.removeAllListeners('data')
      child.stdout!.resume()
      resolve({
        url,
        child,
        stop: (signal = 'SIGTERM') =>
          new Promise((done) => {
            if (child.exitCode !== null || child.signalCode !== null) return done()
            child.once('exit', () => done())
            child.kill(signal)
          }),
      })
    })
    child.once('exit', (code) => reject(new Error(`local cloud exited with ${code}:\n${output}`)))
  })
}
