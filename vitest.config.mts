import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    environment: 'node',
    // wx-server-sdk must never probe a cloud metadata host: everything stays on 127.0.0.1.
    env: { TENCENTCLOUD: 'true' },
    pool: 'forks',
    globalSetup: ['test/global-setup.ts'],
    setupFiles: ['test/support/database-audit-hooks.ts'],
    testTimeout: 60_000,
    // Browser and notification checks poll; a cold function instance on a busy 2-core machine needs
    // more than the default second.
    expect: { poll: { timeout: 10_000 } },
    hookTimeout: 120_000,
  },
})
