/** Removes the `.env*` files of a standalone output, at any depth; returns their paths. */
export function removeEnvFiles(standaloneDir: string): string[];
