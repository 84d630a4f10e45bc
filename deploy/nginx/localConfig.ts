import { spawnSync } from 'node:child_process';

/**
 * deploy/nginx/nginx.conf pointed at servers on this machine, for the replica
 * tests and the bench: the lines marked `# test:` get local ports and folders,
 * everything else runs as shipped. Throws when a marked line is gone, so the
 * tests cannot silently run another configuration than the one shipped.
 */
export interface LocalNginx {
  /** Holds the pid file and nginx's temporary folders. */
  nginxDir: string;
  cacheDir: string;
  listenPort: number;
  upstreamPorts: readonly number[];
}

export function localNginxConf(conf: string, { nginxDir, cacheDir, listenPort, upstreamPorts }: LocalNginx): string {
  const replacements: [RegExp, string][] = [
    [/^pid .*# test: pid$/m, `pid ${nginxDir}/nginx.pid;`],
    [/^(\s*)client_body_temp_path .*# test: client_body_temp_path$/m, `$1client_body_temp_path ${nginxDir}/client_temp;`],
    [/^(\s*)proxy_temp_path .*# test: proxy_temp_path$/m, `$1proxy_temp_path ${nginxDir}/proxy_temp;`],
    [/^(\s*)proxy_cache_path \S+ (.*); # test: proxy_cache_path$/m, `$1proxy_cache_path ${cacheDir} $2;`],
    [/^(\s*)# test: upstream servers\n(?:\s*server .*\n)+/m, upstreamPorts.map((port) => `$1server 127.0.0.1:${port} max_fails=1 fail_timeout=5s;\n`).join('')],
    [/^(\s*)listen .*# test: listen$/m, `$1listen 127.0.0.1:${listenPort};`],
  ];
  return replacements.reduce((text, [pattern, replacement]) => {
    if (!pattern.test(text)) throw new Error(`deploy/nginx/nginx.conf no longer has the line ${pattern}: update deploy/nginx/localConfig.ts`);
    return text.replace(pattern, replacement);
  }, conf);
}

/** The site's `server { … }` block, to run a variant of it beside the original (the bench's uncached proxy). */
export function siteServerBlock(conf: string): string {
  const block = /^ {4}server \{\n[\s\S]*?^ {4}\}\n/m.exec(conf)?.[0];
  if (!block) throw new Error('deploy/nginx/nginx.conf has no `server { … }` block at four spaces of indent');
  return block;
}

/** Debian's nginx is in /usr/sbin, which is not on every user's PATH. */
export function nginxBinary(): string {
  return spawnSync('sh', ['-c', 'command -v nginx'], { encoding: 'utf8' }).stdout.trim() || '/usr/sbin/nginx';
}
