import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { PREVIEW_COOKIE } from '../lib/preview/previewToken';
import { localNginxConf, siteServerBlock, takesHttp2Directive } from './nginx/localNginx';

// compose.yaml, the Dockerfile, deploy/nginx/nginx.conf and deploy/redis/ name
// each other (service names, ports, paths, users): these checks fail when one
// changes alone, or when a container loses its hardening. Docker itself is not
// on this machine; tests/e2e/replicas/, deploy/nginx/proxy.test.ts and
// deploy/redisUsers.test.ts run the same parts directly.

interface Service {
  image?: string;
  build?: unknown;
  user?: string;
  command?: string[];
  environment?: Record<string, string>;
  ports?: string[];
  expose?: unknown;
  volumes?: string[];
  tmpfs?: string[];
  read_only?: boolean;
  cap_drop?: string[];
  cap_add?: string[];
  security_opt?: string[];
  mem_limit?: string;
  pids_limit?: number;
  networks?: string[];
  network_mode?: string;
}

const compose = parse(readFileSync('compose.yaml', 'utf8'), { merge: true }) as {
  services: Record<string, Service>;
  volumes?: Record<string, unknown>;
  networks?: Record<string, { internal?: boolean } | null>;
};
const nginxConf = readFileSync('deploy/nginx/nginx.conf', 'utf8');
const dockerfile = readFileSync('Dockerfile', 'utf8');
const redisUsers = readFileSync('deploy/redis/users.acl', 'utf8');
const redisStart = readFileSync('deploy/redis/start-redis.sh', 'utf8');
const startReplica = readFileSync('deploy/start-replica.sh', 'utf8');
const siteCache = readFileSync('lib/cache/siteCache.ts', 'utf8');

const services = Object.entries(compose.services);
const replicaNames = Object.keys(compose.services).filter((name) => name.startsWith('replica-'));
const containerPort = Number(/^ENV .*\bPORT=(\d+)/m.exec(dockerfile)?.[1]);
const lastStage = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));

/** nginx's `server { … }` blocks, at four spaces of indent. */
const serverBlocks = [...nginxConf.matchAll(/^ {4}server \{\n[\s\S]*?^ {4}\}\n/gm)].map((match) => match[0]);
const tlsServer = siteServerBlock(nginxConf);
const httpServer = serverBlocks.find((block) => block.includes('return 301')) ?? '';

/** Where a service can write on its read-only root: its volumes and tmpfs mounts. */
function writablePlaces(service: Service | undefined): string[] {
  const volumes = (service?.volumes ?? [])
    .filter((volume) => !volume.endsWith(':ro'))
    .map((volume) => (volume.includes(':') ? (volume.split(':')[1] ?? '') : volume));
  return [...volumes, ...(service?.tmpfs ?? []).map((mount) => mount.split(':')[0] ?? '')];
}
const writableAt = (service: Service | undefined, file: string) => writablePlaces(service).some((place) => file === place || file.startsWith(`${place}/`));

describe('the reference deployment', () => {
  it('runs two identical replicas of one image, sharing Redis and the editors’ content folder', () => {
    expect(replicaNames).toEqual(['replica-1', 'replica-2']);
    const [first, second] = replicaNames.map((name) => compose.services[name]);
    expect(second).toEqual(first);
    expect(first?.build).toBeDefined();
    const redisHost = /@([^:/]+):\d+$/.exec(first?.environment?.REDIS_URL ?? '')?.[1] ?? '';
    expect(Object.keys(compose.services)).toContain(redisHost);
    expect(first?.environment?.REVALIDATE_SECRET).toMatch(/^\$\{REVALIDATE_SECRET:\?/);
    expect(first?.environment?.CACHE_SIGNING_KEY).toMatch(/^\$\{CACHE_SIGNING_KEY:\?/);
    expect(first?.volumes).toContain('./content:/content:ro');
    expect(dockerfile).toMatch(/^ENV .*\bCONTENT_DIR=\/content\b/m);
  });

  it('lets Redis evict cache entries only, never the tag revalidation times', () => {
    const command = compose.services.redis?.command ?? [];
    expect(command[command.indexOf('--maxmemory-policy') + 1]).toMatch(/^volatile-/);
  });

  it('points nginx at every replica, on the port the image listens on', () => {
    const upstream = /upstream kiosque_replicas \{([^}]*)\}/.exec(nginxConf)?.[1] ?? '';
    const servers = [...upstream.matchAll(/^\s*server (\S+?)(?: |;)/gm)].map((match) => match[1]);
    expect(servers).toEqual(replicaNames.map((name) => `${name}:${containerPort}`));
    expect(dockerfile).toMatch(new RegExp(`^EXPOSE ${containerPort}$`, 'm'));
  });

  it('gives nginx this configuration, its certificate, its two published ports, and a kept cache volume holding its cache', () => {
    const proxy = compose.services.proxy;
    expect(proxy?.volumes).toContain('./deploy/nginx/nginx.conf:/etc/nginx/nginx.conf:ro');
    const http = /^\s*listen (\d+); # test: listen$/m.exec(httpServer)?.[1];
    const https = /^\s*listen (\d+) ssl; # test: listen tls$/m.exec(tlsServer)?.[1];
    expect(proxy?.ports).toStrictEqual([`80:${http}`, `443:${https}`]);
    const cachePath = /^\s*proxy_cache_path (\S+) /m.exec(nginxConf)?.[1] ?? '';
    const cacheVolume = proxy?.volumes?.find((volume) => volume.startsWith('proxy-cache:'));
    expect(cachePath.startsWith(`${cacheVolume?.split(':')[1]}/`)).toBe(true);
    expect(compose.volumes).toHaveProperty('proxy-cache');
    for (const file of [...nginxConf.matchAll(/^\s*ssl_certificate(?:_key)? (\S+);/gm)].map((match) => match[1] ?? '')) {
      expect(file).toMatch(/^\/etc\/nginx\/tls\/[a-z]+\.pem$/);
    }
    expect(proxy?.volumes).toContain('${TLS_DIR:-./deploy/nginx/tls}:/etc/nginx/tls:ro');
  });

  it('builds a standalone server in stages and runs it as a user without privileges', () => {
    expect(dockerfile.match(/^FROM /gm)?.length).toBeGreaterThanOrEqual(3);
    expect(lastStage).toMatch(/^COPY --from=build .*\/app\/\.next\/standalone \.\/$/m);
    expect(lastStage).toMatch(/^COPY --from=build .*\/app\/\.next\/static \.\/\.next\/static$/m);
    expect(lastStage).toMatch(/^USER (?!root\b)\w+$/m);
    expect(lastStage).toMatch(/^CMD \["start-replica\.sh"\]$/m);
    expect(lastStage).toMatch(/^COPY --chmod=755 deploy\/start-replica\.sh \/usr\/local\/bin\/start-replica\.sh$/m);
    expect(startReplica).toMatch(/^exec node (--[\w-]+=\S+ )*server\.js$/m);
  });

  it('ships no content in the image: photos, articles and authors come from the one mounted folder', () => {
    // Nothing of content/ or of what the build derived from it (parsed articles, prerendered pages) is copied.
    expect(lastStage).not.toMatch(/^COPY .*(content|kiosque-content|\/images)/m);
    expect(dockerfile).toMatch(/^RUN npm run build && deploy\/strip-prerendered\.sh \.next\/standalone$/m);
    expect(lastStage).toMatch(/^VOLUME \/content$/m);
    for (const name of replicaNames) {
      expect(compose.services[name]?.volumes?.filter((volume) => volume.endsWith(':/content:ro'))).toStrictEqual(['./content:/content:ro']);
    }
  });
});

describe('the containers’ hardening', () => {
  it('gives every service a read-only root, no capability (nginx’s master: the three it needs), no new privileges, bounded memory and processes', () => {
    expect(services.map(([name]) => name).sort()).toStrictEqual(['proxy', 'redis', 'replica-1', 'replica-2']);
    for (const [name, service] of services) {
      expect(service.read_only, name).toBe(true);
      expect(service.cap_drop, name).toStrictEqual(['ALL']);
      expect(service.cap_add ?? [], name).toStrictEqual(name === 'proxy' ? ['CHOWN', 'SETGID', 'SETUID'] : []);
      expect(service.security_opt, name).toContain('no-new-privileges:true');
      expect(service.mem_limit, name).toMatch(/^\d+[mg]$/);
      expect(service.pids_limit, name).toBeGreaterThan(0);
      expect(service.network_mode, name).toBeUndefined();
    }
    // Its ports are above 1024: no NET_BIND_SERVICE needed.
    for (const port of [...nginxConf.matchAll(/^\s*listen (\d+)\b/gm)].map((match) => Number(match[1]))) expect(port).toBeGreaterThan(1024);
  });

  it('runs Redis and the replicas as their images’ unprivileged users', () => {
    expect(compose.services.redis?.user).toBe('redis');
    expect(lastStage).toMatch(/^USER node$/m);
  });

  it('pins every image to an exact release: pulled ones by their tag, built ones by their Dockerfile’s FROM', () => {
    for (const [name, service] of services) {
      if (service.build) {
        expect(service.image, name).toMatch(/^[a-z0-9-]+:latest$/);
      } else {
        expect(service.image, name).toMatch(/^[a-z0-9./-]+:\d+\.\d+\.\d+-[a-z]+$/);
      }
    }
    for (const from of dockerfile.match(/^FROM \S+/gm) ?? []) expect(from).toMatch(/^FROM [a-z0-9./-]+:\d+\.\d+\.\d+-[a-z-]+$/);
  });

  it('writes only where a volume or a tmpfs is: nginx’s pid file, socket, cache and temporary files; Redis’s users; the replicas’ caches', () => {
    const proxy = compose.services.proxy;
    const nginxFiles = [
      /^pid (\S+);/m.exec(nginxConf)?.[1],
      /^\s*listen unix:(\S+);/m.exec(nginxConf)?.[1],
      ...[...nginxConf.matchAll(/^\s*(?:client_body_temp_path|proxy_temp_path|proxy_cache_path) (\S+)/gm)].map((match) => match[1]),
    ];
    expect(nginxFiles).toHaveLength(5);
    for (const file of nginxFiles) expect(writableAt(proxy, file ?? ''), file).toBe(true);
    const aclFile = /^acl_file=\$\{REDIS_ACL_FILE:-(\S+)\}$/m.exec(redisStart)?.[1] ?? '';
    expect(writableAt(compose.services.redis, aclFile), aclFile).toBe(true);
    for (const name of replicaNames) {
      for (const folder of ['/app/.next/cache', '/app/.next/server/route-cache', '/tmp'])
        expect(writableAt(compose.services[name], folder), `${name} ${folder}`).toBe(true);
      // The routes' code, beside them, stays on the read-only root.
      expect(writableAt(compose.services[name], '/app/.next/server/app'), name).toBe(false);
    }
    // The image makes both folders the server's; its start empties them of another build's files.
    expect(lastStage).toMatch(/^RUN mkdir -p \.next\/cache \.next\/server\/route-cache && chown node:node \.next\/cache \.next\/server\/route-cache$/m);
    expect(startReplica).toMatch(/^for dir in \.next\/cache \.next\/server\/route-cache; do$/m);
  });
});

describe('Redis', () => {
  it('is on an internal network that only the replicas share, with no port published', () => {
    const redis = compose.services.redis;
    expect(redis?.ports).toBeUndefined();
    expect(redis?.expose).toBeUndefined();
    for (const network of redis?.networks ?? []) {
      expect(compose.networks?.[network]?.internal, network).toBe(true);
      const members = services.filter(([, service]) => service.networks?.includes(network)).map(([name]) => name);
      expect(members.sort(), network).toStrictEqual(['redis', ...replicaNames]);
    }
    expect(redis?.networks?.length).toBeGreaterThan(0);
    // nginx reaches the replicas, and has its own network for its published ports.
    expect(compose.services.proxy?.networks?.some((network) => compose.networks?.[network]?.internal !== true)).toBe(true);
  });

  it('starts with the shipped users, the site’s password required, and the replicas connect as the site’s user', () => {
    const redis = compose.services.redis;
    expect(redis?.command?.slice(0, 2)).toStrictEqual(['sh', '/usr/local/bin/start-redis.sh']);
    expect(redis?.volumes).toContain('./deploy/redis/start-redis.sh:/usr/local/bin/start-redis.sh:ro');
    const rules = /^rules=\$\{REDIS_ACL_RULES:-(\S+)\}$/m.exec(redisStart)?.[1];
    expect(redis?.volumes).toContain(`./deploy/redis/users.acl:${rules}:ro`);
    expect(redis?.environment?.REDIS_PASSWORD).toMatch(/^\$\{REDIS_PASSWORD:\?/);
    // Compose fills in the password; the URL is the site's user at the redis service.
    expect(compose.services[replicaNames[0] ?? '']?.environment?.REDIS_URL).toMatch(/^redis:\/\/kiosque:\$\{REDIS_PASSWORD:\?[^}]*\}@redis:6379$/);
  });

  it('turns the default user off, and keeps the site’s user to the keys the cache writes', () => {
    const lines = redisUsers.split('\n').filter((line) => line.startsWith('user '));
    expect(lines[0]).toBe('user default reset');
    const site = lines.find((line) => line.startsWith('user kiosque ')) ?? '';
    expect(site).toContain(' -@all ');
    expect(site).not.toMatch(/\+@|allkeys|allcommands|nopass|~\*/);
    // lib/cache/siteCache.ts prefixes every key with `kiosque:<build ID>`.
    const prefix = /openStore\(process\.env\.REDIS_URL, `([a-z]+:)\$\{buildIdOf/.exec(siteCache)?.[1];
    expect(prefix).toBe('kiosque:');
    expect(site.split(' ').filter((rule) => rule.startsWith('~'))).toStrictEqual([`~${prefix}*`]);
  });
});

describe('nginx', () => {
  it('serves the site on HTTPS only, with HTTP/2 and TLS 1.2 or 1.3, and redirects HTTP to it', () => {
    expect(tlsServer).toMatch(/^\s*listen \d+ ssl; # test: listen tls$/m);
    expect(tlsServer).toMatch(/^\s*http2 on; # test: http2$/m);
    expect(nginxConf).toMatch(/^\s*ssl_protocols TLSv1\.2 TLSv1\.3;$/m);
    expect(httpServer).toMatch(/^\s*return 301 https:\/\/\$host\$request_uri; # test: redirect$/m);
    expect(httpServer).not.toContain('proxy_pass');
    // The same names on both.
    const names = (block: string) => /^\s*server_name (.*); # test: server_name$/m.exec(block)?.[1];
    expect(names(httpServer)).toBe(names(tlsServer));
    // Every other name, on either port, is closed.
    const other = serverBlocks.find((block) => block.includes('default_server')) ?? '';
    expect([...other.matchAll(/^\s*listen (\d+)/gm)].map((match) => Number(match[1])).sort()).toStrictEqual(
      [...[/listen (\d+);/.exec(httpServer)?.[1], /listen (\d+) ssl;/.exec(tlsServer)?.[1]].map(Number)].sort(),
    );
    expect(other).toMatch(/return 444;/);
  });

  it('sends one Strict-Transport-Security of its own, at least 6 months, on every HTTPS answer', () => {
    const hsts = /map \$host \$kiosque_hsts \{\s*default "([^"]+)";/.exec(nginxConf)?.[1] ?? '';
    expect(Number(/max-age=(\d+)/.exec(hsts)?.[1])).toBeGreaterThanOrEqual(15_768_000);
    const location = /location \/ \{[\s\S]*?\n {8}\}/.exec(tlsServer)?.[0] ?? '';
    // nginx drops add_header of the server level where a location has its own: both say it.
    const beforeLocation = tlsServer.slice(0, tlsServer.indexOf('location / {'));
    for (const block of [beforeLocation, location]) expect(block).toContain('add_header Strict-Transport-Security $kiosque_hsts always;');
    expect(location).toContain('proxy_hide_header Strict-Transport-Security;');
    expect(httpServer).not.toContain('Strict-Transport-Security');
  });

  it('keeps an editor’s preview out of the cache, by Next’s Draft Mode cookie and the site’s own', () => {
    const map = /map \$http_cookie \$kiosque_preview \{\s*"([^"]+)" 1;/.exec(nginxConf)?.[1] ?? '';
    expect(map).toContain('__prerender_bypass');
    expect(map).toContain(PREVIEW_COOKIE);
    expect(tlsServer).toContain('proxy_cache_bypass $kiosque_preview;');
    expect(tlsServer).toMatch(/proxy_no_cache \$kiosque_preview /);
  });

  it('counts the misses of each client through its second server, which only nginx reaches', () => {
    const socket = /^\s*listen unix:(\S+); # test: misses listen$/m.exec(nginxConf)?.[1];
    expect(nginxConf).toContain(`server unix:${socket}; # test: misses upstream`);
    expect(tlsServer).toContain('proxy_pass http://kiosque_misses;');
    expect(tlsServer).toContain('proxy_set_header X-Kiosque-Client $kiosque_miss_client;');
    const second = serverBlocks.find((block) => block.includes('listen unix:')) ?? '';
    expect(second).toMatch(/limit_req zone=kiosque_misses burst=\d+ nodelay;/);
    expect(second).toContain('proxy_pass http://kiosque_replicas;');
    expect(second).toContain('proxy_set_header X-Kiosque-Client "";');
  });
});

describe('deploy/nginx/localNginx.ts', () => {
  const places = { nginxDir: '/tmp/n', cacheDir: '/tmp/n/cache', listenPort: 4000, upstreamPorts: [4001, 4002] };
  const tls = { port: 4003, certificate: '/tmp/t/fullchain.pem', key: '/tmp/t/privkey.pem' };
  /** The lines localNginxConf may change: every other line must be as shipped. */
  const unmarked = (text: string) =>
    text
      .split('\n')
      .filter(
        (line) =>
          !line.includes('# test:') &&
          !/^\s*server (replica|127|unix)/.test(line) &&
          !/^(pid|\s*(client_body_temp_path|proxy_temp_path|proxy_cache_path|listen|server_name|ssl_certificate|ssl_certificate_key|http2|return 301 https))[ :]/.test(
            line,
          ),
      );

  it('points the shipped configuration at local ports, folders and certificate, and changes nothing else', () => {
    const local = localNginxConf(nginxConf, { ...places, tls });
    expect(local).toContain('listen 127.0.0.1:4000;');
    expect(local).toContain('listen 127.0.0.1:4003 ssl;\n        http2 on;');
    expect(local).toContain('listen 127.0.0.1:4000 default_server;\n        listen 127.0.0.1:4003 ssl default_server;');
    expect(local).toContain('return 301 https://$host:4003$request_uri;');
    expect(local).toContain('ssl_certificate /tmp/t/fullchain.pem;\n    ssl_certificate_key /tmp/t/privkey.pem;');
    expect(local).toContain(
      'server 127.0.0.1:4001 max_fails=1 fail_timeout=5s;\n        server 127.0.0.1:4002 max_fails=1 fail_timeout=5s;\n        keepalive 64;',
    );
    expect(local).toContain('server unix:/tmp/n/misses.sock;');
    expect(local).toContain('listen unix:/tmp/n/misses.sock;');
    expect(local).toMatch(/proxy_cache_path \/tmp\/n\/cache levels=1:2 keys_zone=kiosque:32m /);
    const directives = local.split('\n').filter((line) => !line.trim().startsWith('#'));
    expect(directives.filter((line) => /replica-\d|\/var\/cache|\/run\/|\/etc\/nginx/.test(line))).toStrictEqual([]);
    expect(local.match(/server_name 127\.0\.0\.1 localhost;/g)).toHaveLength(2);
    expect(unmarked(local)).toEqual(unmarked(nginxConf));
  });

  it('says HTTP/2 on the listen line for nginx before 1.25.1, as Debian 12’s 1.22 takes it', () => {
    expect([takesHttp2Directive([1, 22, 1]), takesHttp2Directive([1, 25, 0]), takesHttp2Directive([1, 25, 1]), takesHttp2Directive([1, 27, 4])]).toStrictEqual([
      false,
      false,
      true,
      true,
    ]);
    const local = localNginxConf(nginxConf, { ...places, tls, http2OnListen: true });
    expect(local).toContain('listen 127.0.0.1:4003 ssl http2;');
    expect(local).not.toContain('http2 on;');
  });

  it('without TLS (the bench), serves the site’s server in plain HTTP on the one port, without the redirect', () => {
    const local = localNginxConf(nginxConf, places);
    expect(local).not.toMatch(/\bssl\b(?!_)|ssl_certificate |http2 on|return 301/);
    expect(siteServerBlock(local)).toMatch(/^ {8}listen 127\.0\.0\.1:4000;$/m);
    expect(local.match(/^\s*listen 127\.0\.0\.1:4000\b.*$/gm)).toStrictEqual([
      '        listen 127.0.0.1:4000;',
      '        listen 127.0.0.1:4000 default_server;',
    ]);
    expect(local.match(/^ {4}server \{$/gm)).toHaveLength(3);
  });

  it('fails loudly when a marked line is gone', () => {
    for (const marker of ['# test: listen tls', '# test: redirect', '# test: ssl_certificate_key', '# test: misses listen', '# test: http2']) {
      expect(() => localNginxConf(nginxConf.replace(marker, ''), { ...places, tls }), marker).toThrow(/no longer has the line/);
    }
    expect(() => localNginxConf(nginxConf.replace('# test: listen\n', '\n'), { ...places, tls })).toThrow(/listen/);
    expect(() => localNginxConf(nginxConf.replace('# test: listen tls', ''), places)).toThrow(/listen tls/);
  });

  it('finds the site’s server block', () => {
    expect(siteServerBlock(nginxConf)).toMatch(/^ {4}server \{\n[\s\S]*proxy_cache kiosque;[\s\S]*\n {4}\}\n$/);
  });
});
