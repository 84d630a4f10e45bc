// Finds a Chromium for the browser tests. Playwright cannot download its own
// browsers here, so we use the system's: CHROMIUM_PATH if set, then Debian's
// package, then whatever Playwright's cache holds.
import { accessSync, constants } from 'node:fs';

const SYSTEM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

/** @param {string} path */
function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * A Chromium executable for browser tests and Lighthouse, or undefined when none is installed.
 * @returns {Promise<string | undefined>}
 */
export async function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return isExecutable(fromEnv) ? fromEnv : undefined;
  const system = SYSTEM_PATHS.find(isExecutable);
  if (system) return system;
  try {
    const { chromium } = await import('playwright-core');
    const cached = chromium.executablePath();
    return isExecutable(cached) ? cached : undefined;
  } catch {
    return undefined;
  }
}
