/** Removes from a standalone output its `.env*` files and what the server never reads (content, tests, lib's tests…); returns the paths removed. */
export function pruneStandalone(standaloneDir: string): string[];
