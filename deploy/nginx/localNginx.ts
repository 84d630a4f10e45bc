import { spawn, spawnSync } from 'node:child_process';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stopProcess, waitForPort } from '../../lib/cache/testing/processes';

/** The configuration the reference deployment ships, read from the project's root. */
const SHIPPED_CONF = 'deploy/nginx/nginx.conf';

/** HTTPS as the tests run it: their port, and the certificate deploy/nginx/make-local-certificate.sh made. */
export interface LocalTls {
  port: number;
  certificate: string;
  key: string;
}

/**
 * deploy/nginx/nginx.conf pointed at servers on this machine, for the replica
 * tests and the bench: the lines marked `# test:` get local ports and folders,
 * everything else runs as shipped. Throws when a marked line is gone, so the
 * tests cannot silently run another configuration than the one shipped.
 */
export interface LocalPlaces {
  /** Holds the pid file, nginx's temporary folders and the socket of its second server. */
  nginxDir: string;
  cacheDir: string;
  /** With `tls`, the HTTP port (redirects to HTTPS); without, the port the site is served on, in plain HTTP. */
  listenPort: number;
  upstreamPorts: readonly number[];
  /**
   * The site on HTTPS, as shipped. Without it (the bench, which measures the
   * cache and not TLS), the HTTPS server is served in plain HTTP on
   * `listenPort`, and the redirecting server is left out.
   */
  tls?: LocalTls;
  /** nginx before 1.25.1 (Debian 12 has 1.22) takes HTTP/2 as a `listen` parameter, not as `http2 on;`: the same meaning, in its syntax. */
  http2OnListen?: boolean;
}

type Replacement = [RegExp, string];

export function localNginxConf(conf: string, { nginxDir, cacheDir, listenPort, upstreamPorts, tls, http2OnListen = false }: LocalPlaces): string {
  const local = (port: number) => `127.0.0.1:${port}`;
  const common: Replacement[] = [
    [/^pid .*# test: pid$/m, `pid ${nginxDir}/nginx.pid;`],
    [/^(\s*)client_body_temp_path .*# test: client_body_temp_path$/m, `$1client_body_temp_path ${nginxDir}/client_temp;`],
    [/^(\s*)proxy_temp_path .*# test: proxy_temp_path$/m, `$1proxy_temp_path ${nginxDir}/proxy_temp;`],
    [/^(\s*)proxy_cache_path \S+ (.*); # test: proxy_cache_path$/m, `$1proxy_cache_path ${cacheDir} $2;`],
    [/^(\s*)# test: upstream servers\n(?:\s*server .*\n)+/m, upstreamPorts.map((port) => `$1server ${local(port)} max_fails=1 fail_timeout=5s;\n`).join('')],
    [/^(\s*)server unix:\S+; # test: misses upstream$/m, `$1server unix:${nginxDir}/misses.sock;`],
    [/^(\s*)listen unix:\S+; # test: misses listen$/m, `$1listen unix:${nginxDir}/misses.sock;`],
    [/^(\s*)server_name .*; # test: server_name$/gm, '$1server_name 127.0.0.1 localhost;'],
    [/^(\s*)listen \S+ default_server; # test: listen default$/m, `$1listen ${local(listenPort)} default_server;`],
  ];
  const withTls: (tls: LocalTls) => Replacement[] = ({ port, certificate, key }) => [
    [/^(\s*)listen \S+; # test: listen$/m, `$1listen ${local(listenPort)};`],
    [/^(\s*)return 301 https:\/\/\$host(\$request_uri); # test: redirect$/m, `$1return 301 https://$$host:${port}$2;`],
    [/^(\s*)listen \S+ ssl; # test: listen tls$/m, `$1listen ${local(port)} ssl${http2OnListen ? ' http2' : ''};`],
    [/^([ \t]*)http2 on; # test: http2\n/m, http2OnListen ? '' : '$1http2 on;\n'],
    [/^(\s*)listen \S+ ssl default_server; # test: listen tls default$/m, `$1listen ${local(port)} ssl default_server;`],
    [/^(\s*)ssl_certificate \S+; # test: ssl_certificate$/m, `$1ssl_certificate ${certificate};`],
    [/^(\s*)ssl_certificate_key \S+; # test: ssl_certificate_key$/m, `$1ssl_certificate_key ${key};`],
  ];
  const plain: Replacement[] = [
    [/^ {4}server \{\n(?:(?! {4}\}\n).*\n)*?.*# test: redirect\n(?:(?! {4}\}\n).*\n)* {4}\}\n\n?/m, ''],
    [/^(\s*)listen \S+ ssl; # test: listen tls$/m, `$1listen ${local(listenPort)};`],
    [/^[ \t]*http2 on; # test: http2\n/m, ''],
    [/^[ \t]*listen \S+ ssl default_server; # test: listen tls default\n/m, ''],
    [/^[ \t]*ssl_certificate \S+; # test: ssl_certificate\n/m, ''],
    [/^[ \t]*ssl_certificate_key \S+; # test: ssl_certificate_key\n/m, ''],
  ];
  const replacements = [...common, ...(tls ? withTls(tls) : plain)];
  return replacements.reduce((text, [pattern, replacement]) => {
    if (!new RegExp(pattern.source, pattern.flags.replace('g', '')).test(text)) {
      throw new Error(`deploy/nginx/nginx.conf no longer has the line ${pattern}: update deploy/nginx/localNginx.ts`);
    }
    return text.replace(pattern, replacement);
  }, conf);
}

/** The site's `server { … }` block (the one with the cache), to run a variant of it beside the original (the bench's uncached proxy). */
export function siteServerBlock(conf: string): string {
  const block = [...conf.matchAll(/^ {4}server \{\n[\s\S]*?^ {4}\}\n/gm)].map((match) => match[0]).find((text) => text.includes('proxy_cache kiosque;'));
  if (!block) throw new Error('deploy/nginx/nginx.conf has no `server { … }` block at four spaces of indent with `proxy_cache kiosque;`');
  return block;
}

/** Debian's nginx is in /usr/sbin, which is not on every user's PATH. */
function nginxBinary(): string {
  return spawnSync('sh', ['-c', 'command -v nginx'], { encoding: 'utf8' }).stdout.trim() || '/usr/sbin/nginx';
}

/** `nginx -v` says `nginx version: nginx/1.22.1` (on stderr). */
function nginxVersion(): [number, number, number] {
  const said = spawnSync(nginxBinary(), ['-v'], { encoding: 'utf8' }).stderr;
  const version = /nginx\/(\d+)\.(\d+)\.(\d+)/.exec(said);
  if (!version) throw new Error(`nginx -v: ${said}`);
  return [Number(version[1]), Number(version[2]), Number(version[3])];
}

/** `http2 on;` came with nginx 1.25.1. */
export function takesHttp2Directive([major, minor, patch]: readonly [number, number, number]): boolean {
  return major > 1 || (major === 1 && (minor > 25 || (minor === 25 && patch >= 1)));
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
  tls?: LocalTls;
  extraServers?: (siteBlock: string) => string;
  /** A command nginx runs under, as its arguments' prefix (setpriv, to take capabilities away as compose.yaml does). */
  launcher?: readonly string[];
}): Promise<RunningNginx> {
  const nginxDir = path.join(options.workDir, 'nginx');
  const cacheDir = path.join(nginxDir, 'cache');
  // nginx's workers run as an unprivileged user: they must reach these folders.
  for (const dir of [nginxDir, cacheDir, path.join(nginxDir, 'client_temp'), path.join(nginxDir, 'proxy_temp')]) {
    await mkdir(dir, { recursive: true });
    await chmod(dir, 0o777);
  }
  let conf = localNginxConf(await readFile(SHIPPED_CONF, 'utf8'), {
    nginxDir,
    cacheDir,
    listenPort: options.listenPort,
    upstreamPorts: options.upstreamPorts,
    tls: options.tls,
    http2OnListen: !takesHttp2Directive(nginxVersion()),
  });
  if (options.extraServers) {
    const site = siteServerBlock(conf);
    conf = conf.replace(site, site + options.extraServers(site));
  }
  const confFile = path.join(nginxDir, 'nginx.conf');
  await writeFile(confFile, conf);
  const [command = nginxBinary(), ...prefix] = [...(options.launcher ?? []), nginxBinary()];
  const nginx = spawn(command, [...prefix, '-p', nginxDir, '-c', confFile, '-g', 'daemon off;'], { stdio: ['ignore', 'ignore', 'pipe'] });
  const errors: string[] = [];
  nginx.stderr.on('data', (chunk: Buffer) => errors.push(chunk.toString()));
  await Promise.all([options.listenPort, ...(options.tls ? [options.tls.port] : [])].map((port) => waitForPort(port, 10_000, () => errors.join(''))));
  return { cacheDir, stop: () => stopProcess(nginx, 'SIGQUIT') };
}
