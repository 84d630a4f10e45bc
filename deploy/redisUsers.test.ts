import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmod, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createClient } from '@redis/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RedisStore } from '../lib/cache/redisStore';
import { until } from '../lib/cache/testing/processes';
import { REDIS_START_SCRIPT, REDIS_USERS, startRedis, TEST_REDIS_ADMIN_PASSWORD, TEST_REDIS_PASSWORD, type TestRedis } from '../lib/cache/testing/redisServer';

// The Redis users compose.yaml ships (deploy/redis/users.acl, written out by
// deploy/redis/start-redis.sh), on Debian's redis-server: what the site's user
// may do is what the shared cache does, nothing more, and nobody gets in
// without a password.

let redis: TestRedis;

beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await redis.stop();
});

type Client = ReturnType<typeof createClient>;

/** A client that fails rather than reconnecting forever. */
async function connect(url: string): Promise<Client> {
  return createClient({ url, socket: { reconnectStrategy: false } })
    .on('error', () => undefined)
    .connect() as Promise<Client>;
}

/** One command over a bare socket, as any client reaching Redis sends it: its first reply line. */
function bareCommand(port: number, command: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = createConnection({ host: '127.0.0.1', port }, () => socket.write(`${command}\r\n`));
    let reply = '';
    socket.on('data', (chunk: Buffer) => {
      reply += chunk.toString();
      if (reply.includes('\r\n')) {
        socket.destroy();
        resolve(reply.split('\r\n')[0] ?? '');
      }
    });
    socket.on('error', reject);
  });
}

describe('the site’s Redis user (kiosque)', () => {
  it('runs the shared cache: entries, tag revalidations, the Lua script, removals, the health check', async () => {
    const logged: string[] = [];
    const store = new RedisStore<{ value: unknown; lastModified: number }>(redis.siteUrl, 'kiosque:build-acl', {
      signingKey: 'une clé de signature des tests, assez longue',
      log: (line) => logged.push(line),
    });
    try {
      await until(() => store.ready);
      await store.setEntry('/article/a', { value: { html: '<p>a</p>' }, lastModified: 1 }, 60);
      expect((await store.getEntry('/article/a')).entry).toEqual({ value: { html: '<p>a</p>' }, lastModified: 1 });
      await store.setTagTimes(new Map([['_N_T_/layout', { at: 5_000, expired: 5_000 }]]));
      expect(await store.getTagTimes()).toEqual(new Map([['_N_T_/layout', { at: 5_000, expired: 5_000 }]]));
      expect(Number((await store.getEntry('/')).tagsVersion)).toBeGreaterThan(0);
      expect(logged).toStrictEqual([]);
    } finally {
      store.close();
    }
    const site = await connect(redis.siteUrl);
    expect(await site.ping()).toBe('PONG');
    expect(await site.del('kiosque:build-acl:entry:/article/a')).toBe(1);
    site.destroy();
  });

  it('may do nothing else: no key outside kiosque:*, no KEYS, FLUSHALL, CONFIG, SELECT, ACL, and no script around it', async () => {
    const site = await connect(redis.siteUrl);
    const admin = await connect(redis.url);
    await admin.set('autre-application:secret', 'x');
    const refused: Array<[string, () => Promise<unknown>]> = [
      ['GET outside the prefix', () => site.mGet(['autre-application:secret'])],
      ['SET outside the prefix', () => site.set('autre-application:secret', 'écrasé')],
      ['DEL outside the prefix', () => site.del('autre-application:secret')],
      ['KEYS', () => site.keys('*')],
      ['KEYS within the prefix', () => site.keys('kiosque:*')],
      ['SCAN', () => site.scan('0')],
      ['FLUSHALL', () => site.flushAll()],
      ['FLUSHDB', () => site.flushDb()],
      ['CONFIG GET', () => site.configGet('*')],
      ['CONFIG SET', () => site.configSet({ 'maxmemory-policy': 'allkeys-lru' })],
      ['SELECT', () => site.sendCommand(['SELECT', '1'])],
      ['ACL', () => site.sendCommand(['ACL', 'LIST'])],
      ['CLIENT', () => site.sendCommand(['CLIENT', 'LIST'])],
      ['INFO', () => site.sendCommand(['INFO'])],
      ['SAVE', () => site.sendCommand(['SAVE'])],
      ['SHUTDOWN', () => site.sendCommand(['SHUTDOWN', 'NOSAVE'])],
      ['PUBLISH', () => site.sendCommand(['PUBLISH', 'canal', 'message'])],
      ['GET, even within the prefix (the cache reads with MGET)', () => site.sendCommand(['GET', 'kiosque:x'])],
      ['a script declaring another key', () => site.eval("return redis.call('GET', KEYS[1])", { keys: ['autre-application:secret'] })],
      ['a script reaching another key', () => site.eval("return redis.call('SET', 'autre-application:secret', 'écrasé')", { keys: [] })],
      ['a script flushing everything', () => site.eval("return redis.call('FLUSHALL')", { keys: [] })],
    ];
    for (const [what, command] of refused) await expect(command(), what).rejects.toThrow(/NOPERM|permission|can't access|can't run/i);
    expect(await admin.get('autre-application:secret')).toBe('x');
    site.destroy();
    admin.destroy();
  });

  it('is refused with a wrong password', async () => {
    await expect(connect(redis.siteUrl.replace(TEST_REDIS_PASSWORD, 'pas-le-bon-mot-de-passe-pas-le-bon'))).rejects.toThrow(/WRONGPASS/);
  });
});

describe('nobody without a password', () => {
  it('gets no answer but NOAUTH, whatever the command, and the default user takes no password', async () => {
    for (const command of ['PING', 'GET kiosque:x', 'FLUSHALL', 'CONFIG GET *', 'KEYS *']) {
      expect(await bareCommand(redis.port, command), command).toMatch(/^-NOAUTH/);
    }
    expect(await bareCommand(redis.port, 'AUTH default ""')).toMatch(/^-WRONGPASS/);
    expect(await bareCommand(redis.port, 'AUTH nimportequoi')).toMatch(/^-WRONGPASS/);
    await expect(connect(redis.anonymousUrl).then((client) => client.ping())).rejects.toThrow(/NOAUTH/);
  });

  it('because the default user is off, with no password at all (not even “none”, which protected mode would stop at)', async () => {
    const admin = await connect(redis.url);
    const user = (await admin.sendCommand(['ACL', 'GETUSER', 'default'])) as unknown as Record<string, unknown> | unknown[];
    const flags = Array.isArray(user) ? user[user.indexOf('flags') + 1] : user.flags;
    expect(flags).toContain('off');
    expect(flags).not.toContain('nopass');
    // Redis holds hashes only: neither password is anywhere in its users.
    const list = ((await admin.sendCommand(['ACL', 'LIST'])) as unknown as string[]).join('\n');
    expect(list).not.toContain(TEST_REDIS_PASSWORD);
    expect(list).not.toContain(TEST_REDIS_ADMIN_PASSWORD);
    admin.destroy();
  });
});

describe('deploy/redis/start-redis.sh', () => {
  let work: string;
  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'kiosque-start-redis-'));
    // Stands in for redis-server: the file is what is checked here.
    await writeFile(path.join(work, 'redis-server'), '#!/bin/sh\necho "$@"\n');
    await chmod(path.join(work, 'redis-server'), 0o755);
  });
  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  const run = (environment: Record<string, string>) =>
    spawnSync('sh', [REDIS_START_SCRIPT, '--port', '6379'], {
      encoding: 'utf8',
      env: {
        NODE_ENV: 'test',
        PATH: `${work}:${process.env.PATH}`,
        REDIS_ACL_RULES: REDIS_USERS,
        REDIS_ACL_FILE: path.join(work, 'acl', 'users.acl'),
        ...environment,
      },
    });
  const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

  it('writes the users with their passwords’ SHA-256, readable by Redis’s user alone, and no admin without its password', async () => {
    const password = 'a'.repeat(16) + 'B-._~'.repeat(4);
    const result = run({ REDIS_PASSWORD: password });
    expect(result.status, result.stderr).toBe(0);
    const aclFile = path.join(work, 'acl', 'users.acl');
    expect(result.stdout.trim()).toBe(`--aclfile ${aclFile} --port 6379`);
    const written = await readFile(aclFile, 'utf8');
    expect(written.split('\n').filter(Boolean)).toStrictEqual([
      'user default reset',
      `user kiosque on #${sha256(password)} ~kiosque:* resetchannels -@all +mget +set +hgetall +del +eval +hget +hset +exists +incr +ping`,
    ]);
    expect((await stat(aclFile)).mode & 0o777).toBe(0o600);

    const admin = 'c'.repeat(40);
    expect(run({ REDIS_PASSWORD: password, REDIS_ADMIN_PASSWORD: admin }).status).toBe(0);
    expect(await readFile(aclFile, 'utf8')).toContain(`user admin on #${sha256(admin)} ~* &* +@all`);
  });

  it('refuses a missing, short or URL-unsafe password before starting anything', () => {
    for (const [environment, message] of [
      [{}, /REDIS_PASSWORD manquant/],
      [{ REDIS_PASSWORD: 'court' }, /32 caractères au moins/],
      [{ REDIS_PASSWORD: `${'a'.repeat(32)}@hôte` }, /lettres, chiffres/],
      [{ REDIS_PASSWORD: 'a'.repeat(32), REDIS_ADMIN_PASSWORD: 'court' }, /REDIS_ADMIN_PASSWORD : 32 caractères/],
    ] as Array<[Record<string, string>, RegExp]>) {
      const result = run(environment);
      expect(result.status, JSON.stringify(environment)).not.toBe(0);
      expect(result.stderr).toMatch(message);
      expect(result.stdout).toBe('');
    }
  });
});
