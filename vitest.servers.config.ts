import { defineConfig } from 'vitest/config';

/** Tests against real servers: Debian's nginx and apache2, and an SSH server for deployment. */
export default defineConfig({
  test: {
    include: ['tests/servers/**/*.test.ts'],
    globalSetup: ['tests/support/global-servers.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
