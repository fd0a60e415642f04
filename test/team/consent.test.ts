import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  allowHostMatches,
  CONSENT_FILE_NAME,
  consentPath,
  hasFileConsent,
  hasOriginConsent,
  loadConsent,
  needsOriginConsent,
  originOf,
  recordFileConsent,
  recordOriginConsent,
  writeFileAtomically,
} from '../../src/team/consent.js';

const folder = () => mkdtempSync(join(tmpdir(), 'topup-consent-'));
const store = () => join(folder(), 'config', CONSENT_FILE_NAME);
const HASH_A = 'a'.repeat(64);
const HASH_B = 'b'.repeat(64);
const TEAM = '/work/acme/openai-topup.team.json';
const GATEWAY = 'https://llm-gateway.acme.test:443';

describe('consent to use a found team file', () => {
  it('is not there until the user says yes, and is remembered after', () => {
    const file = store();
    expect(hasFileConsent(file, { path: TEAM, hash: HASH_A })).toBe(false);
    expect(recordFileConsent(file, { path: TEAM, hash: HASH_A })).toEqual({ ok: true });
    expect(hasFileConsent(file, { path: TEAM, hash: HASH_A })).toBe(true);
  });

  it("is asked again when the file's content changes", () => {
    const file = store();
    recordFileConsent(file, { path: TEAM, hash: HASH_A });
    expect(hasFileConsent(file, { path: TEAM, hash: HASH_B })).toBe(false);
  });

  it("is asked again when the file's path changes", () => {
    const file = store();
    recordFileConsent(file, { path: TEAM, hash: HASH_A });
    expect(hasFileConsent(file, { path: '/work/other/openai-topup.team.json', hash: HASH_A })).toBe(false);
  });

  it('keeps earlier answers (switching between two branches asks only once each)', () => {
    const file = store();
    recordFileConsent(file, { path: TEAM, hash: HASH_A });
    recordFileConsent(file, { path: TEAM, hash: HASH_B });
    recordFileConsent(file, { path: TEAM, hash: HASH_B });
    expect(hasFileConsent(file, { path: TEAM, hash: HASH_A })).toBe(true);
    expect(hasFileConsent(file, { path: TEAM, hash: HASH_B })).toBe(true);
    expect(loadConsent(file)).toMatchObject({
      ok: true,
      consent: { files: [{ hash: HASH_A }, { hash: HASH_B }] },
    });
  });

  it('keeps only the latest 100 answers', () => {
    const file = store();
    for (let i = 0; i < 105; i++)
      recordFileConsent(file, { path: `/work/r${i}/${CONSENT_FILE_NAME}`, hash: HASH_A });
    const loaded = loadConsent(file);
    expect(loaded.ok && loaded.consent.files.length).toBe(100);
    expect(hasFileConsent(file, { path: `/work/r0/${CONSENT_FILE_NAME}`, hash: HASH_A })).toBe(false);
    expect(hasFileConsent(file, { path: `/work/r104/${CONSENT_FILE_NAME}`, hash: HASH_A })).toBe(true);
  });
});

describe('consent to send the key to another origin', () => {
  it('is per team file and per origin', () => {
    const file = store();
    expect(hasOriginConsent(file, { path: TEAM, origin: GATEWAY })).toBe(false);
    expect(recordOriginConsent(file, { path: TEAM, origin: GATEWAY })).toEqual({ ok: true });
    expect(hasOriginConsent(file, { path: TEAM, origin: GATEWAY })).toBe(true);
    expect(hasOriginConsent(file, { path: TEAM, origin: 'https://llm-gateway.acme.test:8443' })).toBe(false);
    expect(hasOriginConsent(file, { path: TEAM, origin: 'http://llm-gateway.acme.test:443' })).toBe(false);
    expect(hasOriginConsent(file, { path: '/work/fork/openai-topup.team.json', origin: GATEWAY })).toBe(
      false,
    );
  });

  it('does not grant the file, nor the file the origin', () => {
    const file = store();
    recordOriginConsent(file, { path: TEAM, origin: GATEWAY });
    expect(hasFileConsent(file, { path: TEAM, hash: HASH_A })).toBe(false);
    const other = store();
    recordFileConsent(other, { path: TEAM, hash: HASH_A });
    expect(hasOriginConsent(other, { path: TEAM, origin: GATEWAY })).toBe(false);
  });

  it('records only an origin in the exact form originOf gives', () => {
    const file = store();
    expect(recordOriginConsent(file, { path: TEAM, origin: 'https://llm-gateway.acme.test/v1' })).toEqual({
      ok: false,
      reason: 'bad origin',
    });
    expect(recordFileConsent(file, { path: TEAM, hash: 'not-a-hash' })).toEqual({
      ok: false,
      reason: 'bad hash',
    });
  });
});

describe('originOf', () => {
  it.each([
    ['https://llm-gateway.acme.test/v1', 'https://llm-gateway.acme.test:443'],
    ['https://LLM-Gateway.Acme.test:8443/v1/', 'https://llm-gateway.acme.test:8443'],
    ['http://127.0.0.1:8080/v1', 'http://127.0.0.1:8080'],
    ['http://localhost/v1', 'http://localhost:80'],
    ['https://[::1]:9000/v1', 'https://[::1]:9000'],
    ['https://bücher.test/v1', 'https://xn--bcher-kva.test:443'],
    ['https://аpple.test/', 'https://xn--pple-43d.test:443'],
    ['https://user:secret@gateway.test/v1', 'https://gateway.test:443'],
    ['https://api.openai.com/v1', 'https://api.openai.com:443'],
  ])('gives scheme, host and port of %s', (url, origin) => {
    expect(originOf(url)).toBe(origin);
  });

  it.each(['ftp://gateway.test/', 'mailto:a@b.test', 'not a url', ''])('gives nothing for %j', (url) => {
    expect(originOf(url)).toBeUndefined();
  });

  it('needs consent for every origin but the API itself', () => {
    expect(needsOriginConsent('https://api.openai.com/v1')).toBe(false);
    expect(needsOriginConsent('https://api.openai.com/v1/')).toBe(false);
    expect(needsOriginConsent('https://api.openai.com:8443/v1')).toBe(true);
    expect(needsOriginConsent('http://api.openai.com/v1')).toBe(true);
    expect(needsOriginConsent('https://api.openai.com.evil.test/v1')).toBe(true);
  });
});

describe('allowHostMatches (check --allow-host HOST)', () => {
  it.each([
    ['https://llm-gateway.acme.test/v1', 'llm-gateway.acme.test'],
    ['https://llm-gateway.acme.test:8443/v1', 'LLM-Gateway.Acme.test'],
    ['https://bücher.test/v1', 'bücher.test'],
    ['https://bücher.test/v1', 'xn--bcher-kva.test'],
    ['http://[::1]:8080/v1', '::1'],
    ['http://[::1]:8080/v1', '[::1]'],
  ])('lets %s through with %s', (url, host) => {
    expect(allowHostMatches(url, host)).toBe(true);
  });

  it.each([
    ['https://llm-gateway.acme.test/v1', 'acme.test'],
    ['https://llm-gateway.acme.test/v1', 'llm-gateway.acme.test.evil.test'],
    ['https://llm-gateway.acme.test/v1', 'llm-gateway.acme.test:443'],
    ['https://llm-gateway.acme.test/v1', 'https://llm-gateway.acme.test'],
    ['https://llm-gateway.acme.test/v1', ''],
    ['https://аpple.test/v1', 'apple.test'],
    ['not a url', 'not'],
  ])('keeps %s closed with %j', (url, host) => {
    expect(allowHostMatches(url, host)).toBe(false);
  });
});

describe('the consent file', () => {
  it('lives next to the progress file', () => {
    expect(consentPath().endsWith(join('openai-topup', CONSENT_FILE_NAME))).toBe(true);
  });

  it('holds only paths, hashes and origins (never a key), readable by the user alone', () => {
    const file = store();
    recordFileConsent(file, { path: TEAM, hash: HASH_A });
    recordOriginConsent(file, { path: TEAM, origin: GATEWAY });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
      program: 'openai-topup',
      schema: 1,
      files: [{ path: TEAM, hash: HASH_A }],
      origins: [{ path: TEAM, origin: GATEWAY }],
    });
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('drops what is not well formed and keeps the rest', () => {
    const file = store();
    recordFileConsent(file, { path: TEAM, hash: HASH_A });
    const data = JSON.parse(readFileSync(file, 'utf8'));
    data.files.push({ path: 5, hash: HASH_B }, { path: TEAM, hash: 'short' }, null);
    data.origins.push({ path: TEAM, origin: 'https://evil.test/path' }, { path: TEAM, key: 'sk-proj-FAKE' });
    writeFileSync(file, JSON.stringify(data));
    expect(loadConsent(file)).toEqual({
      ok: true,
      consent: { files: [{ path: TEAM, hash: HASH_A }], origins: [] },
    });
  });

  it('when corrupt, grants nothing and is replaced by the next yes', () => {
    const file = store();
    recordFileConsent(file, { path: TEAM, hash: HASH_A });
    writeFileSync(file, '{"program": "openai-topup", "schema": 1, "files": [');
    expect(loadConsent(file)).toEqual({ ok: false, reason: 'corrupt' });
    expect(hasFileConsent(file, { path: TEAM, hash: HASH_A })).toBe(false);
    expect(recordFileConsent(file, { path: TEAM, hash: HASH_B })).toEqual({ ok: true });
    expect(hasFileConsent(file, { path: TEAM, hash: HASH_B })).toBe(true);
  });

  it("leaves another program's or a newer version's file alone", () => {
    const file = store();
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, '{"program": "openai-topup", "schema": 2}');
    expect(recordFileConsent(file, { path: TEAM, hash: HASH_A })).toEqual({ ok: false, reason: 'foreign' });
    expect(readFileSync(file, 'utf8')).toBe('{"program": "openai-topup", "schema": 2}');
  });

  it('with a folder in its place, grants nothing, writes nothing and leaves no temporary file', () => {
    const file = store();
    mkdirSync(file, { recursive: true });
    expect(loadConsent(file)).toEqual({ ok: false, reason: 'not-file' });
    expect(hasOriginConsent(file, { path: TEAM, origin: GATEWAY })).toBe(false);
    expect(recordOriginConsent(file, { path: TEAM, origin: GATEWAY })).toEqual({
      ok: false,
      reason: 'not-file',
    });
    expect(readdirSync(join(file, '..'))).toEqual([CONSENT_FILE_NAME]);
  });

  it('whose config folder cannot be made, fails as a value', () => {
    const base = folder();
    writeFileSync(join(base, 'config'), 'a file where the folder should be');
    const file = join(base, 'config', CONSENT_FILE_NAME);
    expect(hasFileConsent(file, { path: TEAM, hash: HASH_A })).toBe(false);
    expect(recordFileConsent(file, { path: TEAM, hash: HASH_A })).toMatchObject({ ok: false });
  });
});

describe('writeFileAtomically', () => {
  it('leaves no temporary file when the rename fails', () => {
    const base = folder();
    const target = join(base, 'target');
    mkdirSync(join(target, 'inside'), { recursive: true });
    expect(writeFileAtomically(target, 'text')).toMatchObject({ ok: false });
    expect(readdirSync(base)).toEqual(['target']);
  });

  it('replaces the file whole', () => {
    const target = join(folder(), 'target');
    writeFileSync(target, 'old');
    expect(writeFileAtomically(target, 'new')).toEqual({ ok: true });
    expect(readFileSync(target, 'utf8')).toBe('new');
  });
});
