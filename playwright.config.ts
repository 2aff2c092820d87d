import { defineConfig } from '@playwright/test';
import type { TransportOptions } from './e2e/fixtures';

/** Flags for Debian's Chromium on a machine without a network or a GPU, and for WebRTC in one. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  // Live view (WebRTC), run inside scripts/with-netns: gather host candidates on the namespace's
  // own addresses and loopback, as plain IPs (an mDNS name resolves nowhere here), and play the
  // muted-or-not video without a click.
  '--allow-loopback-in-peer-connection',
  '--disable-features=WebRtcHideLocalIpsWithMdns',
  '--autoplay-policy=no-user-gesture-required',
];

/**
 * End-to-end tests, written once and run through two transports: the browser host in Debian's
 * Chromium, and the real Electron app where its binary exists (skipped with a reason elsewhere).
 */
export default defineConfig<TransportOptions>({
  testDir: 'e2e',
  testMatch: '*.spec.ts',
  timeout: 45_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  globalSetup: './e2e/global-setup.ts',
  outputDir: 'test-results/e2e',
  use: {
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
    },
    viewport: { width: 1280, height: 860 },
  },
  projects: [
    { name: 'browser', use: { transport: 'browser' } },
    { name: 'electron', use: { transport: 'electron' } },
  ],
});
