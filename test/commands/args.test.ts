import { describe, expect, it } from 'vitest';
import { parseCommandLine } from '../../src/commands/args.js';

const env = { LANG: 'en_US.UTF-8' };

describe('parseCommandLine', () => {
  it('runs the wizard with defaults', () => {
    const parsed = parseCommandLine([], env);
    expect(parsed).toMatchObject({
      kind: 'run',
      command: 'wizard',
      flags: { lang: 'en', model: 'gpt-4o-mini', timeoutSeconds: 60 },
    });
  });

  it.each([
    [['--lang', 'ko'], 'ko'],
    [['--lang=ko-KR'], 'ko'],
    [['--lang', 'ko_KR.UTF-8'], 'ko'],
    [['--lang', 'EN'], 'en'],
  ])('reads %j as %s', (argv, lang) => {
    expect(parseCommandLine(argv, env)).toMatchObject({ kind: 'run', flags: { lang } });
  });

  it.each([
    [{ LANG: 'ko_KR.UTF-8' }, 'ko'],
    [{ LC_ALL: 'ko_KR.UTF-8', LANG: 'en_US.UTF-8' }, 'ko'],
    [{ LC_ALL: 'en_US.UTF-8', LANG: 'ko_KR.UTF-8' }, 'en'],
    [{ LC_MESSAGES: 'ko_KR', LANG: 'en_US' }, 'ko'],
    [{}, 'en'],
  ])('takes the language from %j', (environment, lang) => {
    expect(parseCommandLine([], environment)).toMatchObject({ flags: { lang } });
  });

  it('finds the check and serve commands', () => {
    expect(parseCommandLine(['check', '--json'], env)).toMatchObject({
      command: 'check',
      flags: { json: true },
    });
    expect(parseCommandLine(['serve', '--port', '8080'], env)).toMatchObject({
      command: 'serve',
      flags: { port: 8080 },
    });
  });

  it.each([
    [['--bogus'], /Unknown flag --bogus/],
    [['--json'], /--json does not apply to openai-topup; it works with: check/],
    [['serve', '--demo'], /--demo does not apply to openai-topup serve/],
    [['check', '--print'], /--print does not apply/],
    [['--lang'], /--lang needs a value: ko or en/],
    [['--lang', 'fr'], /--lang fr is not valid: ko or en/],
    [['--lang', '--print'], /--lang needs a value/],
    [['check', '--timeout', 'soon'], /--timeout soon is not valid/],
    [['check', '--timeout', '0'], /--timeout 0 is not valid/],
    [['check', '--wait-for-credit', '-1'], /--wait-for-credit needs a value/],
    [['serve', '--port', '70000'], /--port 70000 is not valid/],
    [['serve', '--scenario', 'nope'], /--scenario nope is not valid/],
    [['check', '--key', 'sk-fake'], /never taken as a flag/],
    [['hello'], /Unexpected argument hello/],
    [['check', 'extra'], /Unexpected argument extra/],
    [['check', '--base-url', 'not a url'], /is not a URL/],
    [['check', '--base-url', 'ftp://example.com/v1'], /must use https:\/\//],
    [['check', '--base-url', 'http://api.example.com/v1'], /plain http:\/\/ to api.example.com/],
  ])('refuses %j', (argv, message) => {
    const parsed = parseCommandLine(argv, env);
    expect(parsed.kind).toBe('usage-error');
    expect(parsed.kind === 'usage-error' && parsed.message).toMatch(message);
  });

  it('refuses a clear-text OPENAI_BASE_URL to a remote host too', () => {
    const parsed = parseCommandLine(['check'], { ...env, OPENAI_BASE_URL: 'http://api.example.com/v1' });
    expect(parsed.kind).toBe('usage-error');
  });

  it('allows clear-text http to this machine', () => {
    expect(parseCommandLine(['check', '--base-url', 'http://127.0.0.1:9999/v1'], env)).toMatchObject({
      kind: 'run',
    });
    expect(parseCommandLine(['check', '--base-url', 'http://localhost:9999/v1/'], env)).toMatchObject({
      kind: 'run',
    });
  });

  it('writes usage errors in the chosen language', () => {
    const parsed = parseCommandLine(['--lang', 'ko', '--bogus'], env);
    expect(parsed.kind === 'usage-error' && parsed.message).toMatch(/알 수 없는 플래그/);
  });
});
