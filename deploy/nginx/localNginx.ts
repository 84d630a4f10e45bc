import { spawn, spawnSync } from 'node:child_process';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stopProcess, waitForPort } from '../../lib/cache/testing/processes';

/** The configuration the reference deployment ships, read from the project's root. */
const SHIPPED_CONF = 'deploy/nginx/nginx.conf';

/**
 * deploy/nginx/nginx.conf pointed at servers on this machine, for the replica
 * tests and the bench: the lines marked `# test:` get local ports and folders,
 * everything else runs as shipped. Throws when a marked line is gone, so the
 * tests cannot silently run another configuration than the one shipped.
 */
export interface LocalPlaces {
  /** Holds the pid file and nginx's temporary folders. */
  nginxDir: string;
  cacheDir: string;
  listenPort: number;
  upstreamPorts: readonly number[];
}

export function localNginxConf(conf: string, { nginxDir, cacheDir, listenPort, upstreamPorts }: LocalPlaces): string {
  const replacements: [RegExp, string][] = [
    [/^pid .*# test: pid$/m, `pid ${nginxDir}/nginx.pid;`],
    [/^(\s*)client_body_temp_path .*# test: client_body_temp_path$/m, `$1client_body_temp_path ${nginxDir}/client_temp;`],
    [/^(\s*)proxy_temp_path .*# test: proxy_temp_path$/m, `$1proxy_temp_path ${nginxDir}/proxy_temp;`],
    [/^(\s*)proxy_cache_path \S+ (.*); # test: proxy_cache_path$/m, `$1proxy_cache_path ${cacheDir} $2;`],
    [/^(\s*)# test: upstream servers\n(?:\s*server .*\n)+/m, upstreamPorts.map((port) => `$1server 127.0.0.1:${port} max_fails=1 fail_timeout=5s;\n`).join('')],
    [/^(\s*)listen .*# test: listen$/m, `$1listen 127.0.0.1:${listenPort};`],
    [/^(\s*)listen \S+ default_server; # test: listen default$/m, `$1listen 127.0.0.1:${listenPort} default_server;`],
    [/^(\s*)server_name .*; # test: server_name$/m, `$1server_name 127.0.0.1 localhost;`],
  ];
  return replacements.reduce((text, [pattern, replacement]) => {
    if (!pattern.test(text)) throw new Error(`deploy/nginx/nginx.conf no longer has the line ${pattern}: update deploy/nginx/localNginx.ts`);
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
function nginxBinary(): string {
  return spawnSync('sh', ['-c', 'command -v nginx'], { encoding: 'utf8' }).stdout.trim() || '/usr/sbin/nginx';
}

export interface RunningNginx {
  cacheDir: string;
  stop(): Promise<void>;
}

/**
 * Debian's nginx running the shipped configuration (localNginxConf) from
 * `workDir`, in front of `upstreamPorts`. `extraServers` gets the site's server
 * block and returns blocks to run beside it (the bench's uncached and file-serving variants).
 */
export async function startLocalNginx(options: {
  workDir: string;
  listenPort: number;
  upstreamPorts: readonly number[];
  extraServers?: (siteBlock: string) => string;
}): Promise<RunningNginx> {
  const nginxDir = path.join(options.workDir, 'nginx');
  const cacheDir = path.join(nginxDir, 'cache');
  // nginx's workers run as an unprivileged user: they must reach these folders.
  for (const dir of [nginxDir, cacheDir, path.join(nginxDir, 'client_temp'), path.join(nginxDir, 'proxy_temp')]) {
    await mkdir(dir, { recursive: true });
    await chmod(dir, 0o777);
  }
  let conf = localNginxConf(await readFile(SHIPPED_CONF, 'utf8'), { nginxDir, cacheDir, listenPort: options.listenPort, upstreamPorts: options.upstreamPorts });
  if (options.extraServers) {
    const site = siteServerBlock(conf);
    conf = conf.replace(site, site + options.extraServers(site));
  }
  const confFile = path.join(nginxDir, 'nginx.conf');
  await writeFile(confFile, conf);
  const nginx = spawn(nginxBinary(), ['-p', nginxDir, '-c', confFile, '-g', 'daemon off;'], { stdio: ['ignore', 'ignore', 'pipe'] });
  const errors: string[] = [];
  nginx.stderr.on('data', (chunk: Buffer) => errors.push(chunk.toString()));
  await waitForPort(options.listenPort, 10_000, () => errors.join(''));
  return { cacheDir, stop: () => stopProcess(nginx, 'SIGQUIT') };
}
