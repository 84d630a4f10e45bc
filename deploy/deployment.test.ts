import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { localNginxConf, siteServerBlock } from './nginx/localNginx';

// compose.yaml, the Dockerfile and deploy/nginx/nginx.conf name each other
// (service names, ports, paths): these checks fail when one changes alone.
// Docker itself is not on this machine; tests/e2e/replicas/ runs the same parts directly.

interface Service {
  image?: string;
  build?: unknown;
  command?: string[];
  environment?: Record<string, string>;
  ports?: string[];
  volumes?: string[];
}

const compose = parse(readFileSync('compose.yaml', 'utf8'), { merge: true }) as { services: Record<string, Service>; volumes?: Record<string, unknown> };
const nginxConf = readFileSync('deploy/nginx/nginx.conf', 'utf8');
const dockerfile = readFileSync('Dockerfile', 'utf8');

const replicaNames = Object.keys(compose.services).filter((name) => name.startsWith('replica-'));
const containerPort = Number(/^ENV .*\bPORT=(\d+)/m.exec(dockerfile)?.[1]);

describe('the reference deployment', () => {
  it('runs two identical replicas of one image, sharing Redis and the editors’ content folder', () => {
    expect(replicaNames).toEqual(['replica-1', 'replica-2']);
    const [first, second] = replicaNames.map((name) => compose.services[name]);
    expect(second).toEqual(first);
    expect(first?.build).toBeDefined();
    const redisHost = new URL(first?.environment?.REDIS_URL ?? '').hostname;
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

  it('gives nginx this configuration, its published port, and a kept cache volume holding its cache', () => {
    const proxy = compose.services.proxy;
    expect(proxy?.volumes).toContain('./deploy/nginx/nginx.conf:/etc/nginx/nginx.conf:ro');
    const listen = /^\s*listen (\d+);/m.exec(nginxConf)?.[1];
    expect(proxy?.ports).toContain(`${listen}:${listen}`);
    const cachePath = /^\s*proxy_cache_path (\S+) /m.exec(nginxConf)?.[1] ?? '';
    const cacheVolume = proxy?.volumes?.find((volume) => volume.startsWith('proxy-cache:'));
    expect(cachePath.startsWith(`${cacheVolume?.split(':')[1]}/`)).toBe(true);
    expect(compose.volumes).toHaveProperty('proxy-cache');
  });

  it('builds a standalone server in stages and runs it as a user without privileges', () => {
    expect(dockerfile.match(/^FROM /gm)?.length).toBeGreaterThanOrEqual(3);
    const lastStage = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
    expect(lastStage).toMatch(/^COPY --from=build .*\/app\/\.next\/standalone \.\/$/m);
    expect(lastStage).toMatch(/^COPY --from=build .*\/app\/\.next\/static \.\/\.next\/static$/m);
    expect(lastStage).toMatch(/^USER (?!root\b)\w+$/m);
    expect(lastStage).toMatch(/^CMD \["node", "server\.js"\]$/m);
  });

  it('ships no content in the image: photos, articles and authors come from the one mounted folder', () => {
    const lastStage = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
    // Nothing of content/ or of what the build derived from it (parsed articles, prerendered pages) is copied.
    expect(lastStage).not.toMatch(/^COPY .*(content|kiosque-content|\/images)/m);
    expect(dockerfile).toMatch(/^RUN npm run build && deploy\/strip-prerendered\.sh \.next\/standalone$/m);
    expect(lastStage).toMatch(/^VOLUME \/content$/m);
    for (const name of replicaNames) {
      expect(compose.services[name]?.volumes?.filter((volume) => volume.endsWith(':/content:ro'))).toStrictEqual(['./content:/content:ro']);
    }
  });
});

describe('deploy/nginx/localNginx.ts', () => {
  it('points the shipped configuration at local ports and folders, and changes nothing else', () => {
    const local = localNginxConf(nginxConf, { nginxDir: '/tmp/n', cacheDir: '/tmp/n/cache', listenPort: 4000, upstreamPorts: [4001, 4002] });
    expect(local).toContain('listen 127.0.0.1:4000;');
    expect(local).toContain('server 127.0.0.1:4001 max_fails=1 fail_timeout=5s;\n        server 127.0.0.1:4002 max_fails=1 fail_timeout=5s;\n        keepalive 64;');
    expect(local).toMatch(/proxy_cache_path \/tmp\/n\/cache levels=1:2 keys_zone=kiosque:32m /);
    expect(local).not.toMatch(/replica-\d|\/var\/cache|\/run\//);
    const unmarked = (text: string) => text.split('\n').filter((line) => !line.includes('# test:') && !/^\s*server (replica|127)/.test(line) && !/^(pid|\s*(client_body_temp_path|proxy_temp_path|proxy_cache_path|listen|server_name)) /.test(line));
    expect(unmarked(local)).toEqual(unmarked(nginxConf));
  });

  it('fails loudly when a marked line is gone', () => {
    expect(() => localNginxConf(nginxConf.replace('# test: listen', ''), { nginxDir: '/n', cacheDir: '/c', listenPort: 1, upstreamPorts: [2] })).toThrow(/listen/);
  });

  it('finds the site’s server block', () => {
    expect(siteServerBlock(nginxConf)).toMatch(/^ {4}server \{\n[\s\S]*proxy_cache kiosque;[\s\S]*\n {4}\}\n$/);
  });
});
