import { afterEach } from 'vitest'
import { takeDatabaseFindings } from './database-audit'

// Every test file loads this (vitest setupFiles): a test during which a function scanned a collection,
// used an undeclared one or wrote a document its schema does not allow fails, naming what it did.
afterEach(() => {
  const findings = [...new Set(takeDatabaseFindings())]
  if (findings.length > 0) throw new Error(`the database audit found:\n${findings.map((f) => `  - ${f}`).join('\n')}`)
})
