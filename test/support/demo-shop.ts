import { demoPersonas, type DemoPersona } from '../../demo/personas'
import { seedDemo } from '../../scripts/seed-demo'
import { startLocalCloud, type LocalCloud, type LocalCloudOptions } from '../../local-cloud/server'
import { auditDatabase } from './database-audit'
import { connectSdk, tempDir } from './local-cloud'

export interface DemoShop {
  cloud: LocalCloud
  db: any
  close(): Promise<void>
}

/**
 * The demo tea house (云岭茶舍) as `npm start` runs it, on a free port with a fresh data directory:
 * the catalog, personas, roster and open shops seeded. `extraPersonas` join the development sign-in
 * (someone the demo does not have, such as a roster entry not yet verified).
 */
export async function startDemoShop(
  options: { extraPersonas?: DemoPersona[]; staticRoots?: LocalCloudOptions['staticRoots'] } = {},
): Promise<DemoShop> {
  const cloud = await startLocalCloud({
    dataDir: tempDir('demo'),
    buildFunctions: false,
    log: () => {},
    // The shop's functions are held to the repository's declarations, as in startTestCloud.
    observeDatabase: auditDatabase,
    personas: [...demoPersonas, ...(options.extraPersonas ?? [])],
    staticRoots: options.staticRoots,
  })
  const db = (await connectSdk(cloud.url)).database()
  await seedDemo(db)
  return { cloud, db, close: () => cloud.close() }
}
