import { defineConfig } from '@playwright/test';

const PORT = Number(process.env.PASSERELLE_E2E_PORT ?? 4173);

export default defineConfig({
  testDir: './specs',
  outputDir: './results',
  fullyParallel: false,
  workers: 1, // 2 cores: one browser at a time keeps timings honest
  retries: 0,
  timeout: 30_000,
  forbidOnly: !!process.env.CI,
  reporter: [['list'], ['json', { outputFile: 'report.json' }]],
  // The ARIA snapshots (specs/aria.spec.mjs), beside the map's SVG snapshots.
  snapshotPathTemplate: '{testDir}/../../snapshots/aria/{arg}{ext}',
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    browserName: 'chromium',
    headless: true,
    viewport: { width: 1280, height: 720 },
    // The offline tests turn the service worker on; elsewhere it stays out of the way of
    // the tests' own routes (a worker's requests bypass them).
    serviceWorkers: 'block',
    launchOptions: {
      executablePath: process.env.PASSERELLE_CHROMIUM ?? '/usr/bin/chromium',
      args: ['--disable-gpu', '--disable-quic', '--no-first-run', '--disable-sync',
        '--disable-background-networking', '--disable-component-update'],
    },
  },
  webServer: {
    command: `node server.mjs ../../dist ${PORT}`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    timeout: 10_000,
  },
});
