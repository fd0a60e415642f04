/**
 * Network failures are named from error codes and from whether a proxy is in use, never from the words of a
 * message: "407" in a port number or "proxy" in a host name is not a proxy problem. And the --debug trace
 * names a proxy only for a request that goes through it.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { toWireError } from '../../src/api/transport.js';
import { contentFor } from '../../src/content/content.js';
import { baseEnv, runCli } from '../helpers/cli.js';
import { closedPort } from '../helpers/faults.js';
import { startProxy } from '../helpers/proxy.js';

const KEY = 'sk-proj-FAKEfakeFAKEfakeFAKEfakeFAKEfakeFAKEfake0123456789WXYZ';
const NO_DNS = ['--import', join(import.meta.dirname, '../fixtures/no-dns.mjs')];
const details = contentFor('en').details;

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((close) => close()));
});

describe('toWireError', () => {
  const live = new AbortController().signal;
  const tunnel407 = new Error('Proxy response (407) !== 200 when HTTP Tunneling');
  const refused = (message: string) =>
    Object.assign(new Error('fetch failed'), {
      cause: Object.assign(new Error(message), { code: 'ECONNREFUSED' }),
    });

  it.each([
    [
      'a refusal on a port with 407 in it, no proxy',
      refused('connect ECONNREFUSED 127.0.0.1:40799'),
      false,
      'refused',
    ],
    [
      'a refusal on a port with 407 in it, through a proxy',
      refused('connect ECONNREFUSED 127.0.0.1:40799'),
      true,
      'refused',
    ],
    [
      'a DNS failure for a host called llm-proxy',
      Object.assign(new Error('getaddrinfo ENOTFOUND llm-proxy.invalid'), { code: 'ENOTFOUND' }),
      false,
      'dns',
    ],
    ["undici's tunnel refusal text without a proxy", tunnel407, false, 'unexpected'],
    ["undici's tunnel refusal text through a proxy", tunnel407, true, 'proxyAuth'],
    [
      'a 403 tunnel refusal through a proxy',
      new Error('Proxy response (403) !== 200 when HTTP Tunneling'),
      true,
      'proxy',
    ],
    ['a message that merely mentions 407', new Error('Proxy response (407) was odd'), true, 'unexpected'],
  ] as const)('%s → %s', (_name, error, viaProxy, detail) => {
    expect(toWireError(error, live, viaProxy).detail).toBe(detail);
  });
});

describe('check, spawned', () => {
  it('a refused port with 407 in its number: refused, not a proxy asking for a password', async () => {
    const closed = await closedPort({ containing: '407' });
    cleanups.push(closed.release);
    expect(String(closed.port)).toContain('407');
    const result = await runCli(['check', '--json', '--base-url', `http://127.0.0.1:${closed.port}/v1`], {
      env: baseEnv({ OPENAI_API_KEY: KEY }),
    });
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({ kind: 'network', exitCode: 6 });
    expect(report.error.message).toContain(details.refused);
    expect(report.error.message).not.toContain(details.proxyAuth);
    expect(report.error.message).not.toContain(details.proxy);
  });

  it('a host called llm-proxy.invalid, with no proxy set: the name was not found, no proxy named', async () => {
    const result = await runCli(['check', '--json', '--base-url', 'https://llm-proxy.invalid/v1'], {
      env: baseEnv({ OPENAI_API_KEY: KEY }),
      nodeArgs: NO_DNS,
    });
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({ kind: 'network', exitCode: 6 });
    expect(report.error.message).toContain(details.dns);
    expect(report.error.message).not.toContain(details.proxy);
    expect(report.error.message).not.toContain(details.proxyAuth);
  });

  it('the proxy asking for a password, through a real proxy on loopback: proxyAuth', async () => {
    const proxy = await startProxy(1, 'auth');
    cleanups.push(proxy.close);
    const result = await runCli(['check', '--json', '--base-url', 'https://llm-proxy.invalid/v1'], {
      env: baseEnv({ OPENAI_API_KEY: KEY, HTTPS_PROXY: proxy.url }),
    });
    expect(JSON.parse(result.stdout).error.message).toContain(details.proxyAuth);
    // Retried, as network failures are: every attempt asked the proxy.
    expect(new Set(proxy.seen)).toEqual(new Set(['CONNECT llm-proxy.invalid:443 auth=no']));
  });

  it.each([
    ['with NO_PROXY naming the host', { NO_PROXY: 'api.openai.test' }, false],
    ['with NO_PROXY naming its domain', { no_proxy: '.openai.test' }, false],
    ['without NO_PROXY', {}, true],
  ])('--debug %s: the trace says "via proxy" only when the proxy is used', async (_name, extra, via) => {
    const proxy = await startProxy(1, 'refuse');
    cleanups.push(proxy.close);
    const result = await runCli(['check', '--json', '--debug', '--base-url', 'https://api.openai.test/v1'], {
      env: baseEnv({ OPENAI_API_KEY: KEY, HTTPS_PROXY: proxy.url, ...extra }),
      nodeArgs: NO_DNS,
    });
    expect(result.stderr).toContain('→ GET https://api.openai.test/v1/models');
    expect(result.stderr.includes('via proxy')).toBe(via);
    expect(proxy.seen.length > 0).toBe(via);
    expect(JSON.parse(result.stdout).error.message).toContain(via ? details.proxy : details.dns);
  });
});
