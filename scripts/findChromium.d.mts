/** A Chromium executable for browser tests and Lighthouse, or undefined when none is installed. */
export function findChromium(): Promise<string | undefined>;
