import { describe, expect, it } from 'vitest';
import {
  CONFLICTS,
  FLAG_TABLE,
  type ParsedArgs,
  parseCommandLine,
  REQUIRES,
} from '../../src/commands/args.js';
import { contentFor } from '../../src/content/content.js';

const env = { LANG: 'en_US.UTF-8' };
const KEY = 'sk-proj-FAKEfakeFAKEfakeFAKEfakeFAKEfakeFAKEfake0123456789WXYZ';

/** The message of a usage error, or a failure naming what was parsed instead. */
function message(parsed: ParsedArgs): string {
  if (parsed.kind !== 'usage-error') throw new Error(`expected a usage error, got ${JSON.stringify(parsed)}`);
  return parsed.message;
}

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
    [['--bogus'], /^Unknown flag --bogus\. Valid here: --lang, --print/],
    [['--json'], /--json does not apply to openai-topup; it works with: check/],
    [['serve', '--demo'], /--demo does not apply to openai-topup serve/],
    [['check', '--print'], /--print does not apply/],
    [['team', 'init', '--demo'], /--demo does not apply to openai-topup team/],
    [['--lang'], /--lang needs a value: ko or en/],
    [['--lang', 'fr'], /^--lang fr is not valid\. Valid: ko or en\.$/],
    [['--lang', '--print'], /--lang needs a value/],
    [['check', '--timeout', 'soon'], /--timeout soon is not valid/],
    [['check', '--timeout', '0'], /--timeout 0 is not valid\. Valid: a number of seconds from 1 to 3600/],
    [['check', '--wait-for-credit', '-1'], /--wait-for-credit needs a value/],
    [['serve', '--port', '70000'], /--port 70000 is not valid/],
    [['check', '--key', 'sk-fake'], /never taken as a flag/],
    [['check', '--api_key=x'], /never taken as a flag/],
    [['bonjour'], /^Unknown command bonjour\. Commands: check, serve, team, help\.$/],
    [['check', 'extra'], /Unexpected argument extra/],
    [['check', '--base-url', 'not a url'], /^--base-url: not a url is not a URL/],
    [['check', '--base-url', 'ftp://example.com/v1'], /must start with https:\/\//],
    [['check', '--base-url', 'http://api.example.com/v1'], /plain http:\/\/ to api.example.com/],
    [['--print=yes'], /--print takes no value/],
    [['check', '--model', 'gpt 4o'], /--model gpt 4o is not valid/],
    [
      ['check', '--allow-host', 'https://llm.example.test/v1', '--team', 't.json'],
      /--allow-host .* is not valid/,
    ],
    [['team'], /^team needs one more word: check, init\.$/],
    [['team', 'init', 'extra'], /Unexpected argument extra/],
    [['help', 'check', 'extra'], /Unexpected argument extra/],
  ])('refuses %j', (argv, expected) => {
    expect(message(parseCommandLine(argv, env))).toMatch(expected);
  });

  it('refuses a clear-text OPENAI_BASE_URL and names the variable', () => {
    const text = message(
      parseCommandLine(['check'], { ...env, OPENAI_BASE_URL: 'http://api.example.com/v1' }),
    );
    expect(text).toMatch(
      /^OPENAI_BASE_URL: refusing to send the key over plain http:\/\/ to api\.example\.com/,
    );
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
    expect(message(parseCommandLine(['--lang', 'ko', '--bogus'], env))).toMatch(/알 수 없는 플래그/);
  });
});

describe('help, version and team', () => {
  it.each([
    [['--help'], 'wizard'],
    [['-h'], 'wizard'],
    [['help'], 'wizard'],
    [['help', 'check'], 'check'],
    [['help', 'serve'], 'serve'],
    [['help', 'team'], 'team'],
    [['check', '--help'], 'check'],
    [['serve', '-h'], 'serve'],
    [['team', 'check', '--help'], 'team'],
    [['help', '--lang', 'ko', 'serve'], 'serve'],
  ])('%j asks for help on %s', (argv, topic) => {
    expect(parseCommandLine(argv, env)).toMatchObject({ kind: 'help', topic });
  });

  it('gives help in the chosen language', () => {
    expect(parseCommandLine(['help', '--lang', 'ko'], env)).toMatchObject({ kind: 'help', lang: 'ko' });
  });

  it('gives help and the version even when the environment would stop a check', () => {
    const broken = { ...env, OPENAI_BASE_URL: 'http://remote.example.test/v1', HTTPS_PROXY: 'not a url' };
    expect(parseCommandLine(['check', '--help'], broken)).toMatchObject({ kind: 'help', topic: 'check' });
    expect(parseCommandLine(['check', '-V'], broken)).toMatchObject({ kind: 'version' });
    expect(parseCommandLine(['--demo', '--key-stdin', '--help'], broken)).toMatchObject({
      kind: 'usage-error',
    });
  });

  it.each([
    [['team', 'check'], 'check', undefined],
    [['team', 'check', 'my.team.json'], 'check', 'my.team.json'],
    [['team', 'init'], 'init', undefined],
    [['team', 'init', '--lang', 'ko'], 'init', undefined],
  ])('%j is the team command %s with file %s', (argv, action, file) => {
    expect(parseCommandLine(argv, env)).toMatchObject({ kind: 'team', action, file });
  });

  it('reads --team and --allow-host for the wizard and check', () => {
    expect(parseCommandLine(['--team', 'a.json'], env)).toMatchObject({
      kind: 'run',
      flags: { team: 'a.json' },
    });
    expect(
      parseCommandLine(['check', '--team', 'a.json', '--allow-host', 'llm.example.test:8443'], env),
    ).toMatchObject({ kind: 'run', flags: { team: 'a.json', allowHost: 'llm.example.test:8443' } });
  });
});

describe('did you mean', () => {
  it.each([
    [['chekc'], 'en', 'Unknown command chekc. Did you mean check? Commands: check, serve, team, help.'],
    [['chekc'], 'ko', '알 수 없는 명령입니다: chekc. 혹시 check 말인가요? 명령: check, serve, team, help.'],
    [['demo'], 'en', 'Unknown command demo. Did you mean --demo? Commands: check, serve, team, help.'],
    [['--demo', '--lang', 'kr'], 'en', '--lang kr is not valid. Did you mean ko? Valid: ko or en.'],
    [
      ['--demo', '--lang', 'kr'],
      'ko',
      '--lang 플래그에 쓸 수 없는 값입니다: kr. 혹시 ko 말인가요? 쓸 수 있는 값: ko 또는 en.',
    ],
    [
      ['help', 'sever'],
      'en',
      'There is no help on sever. Did you mean serve? Help is there for: check, serve, team.',
    ],
    [
      ['help', 'sever'],
      'ko',
      'sever에 대한 도움말은 없습니다. 혹시 serve 말인가요? 도움말이 있는 명령: check, serve, team.',
    ],
    [['team', 'int'], 'en', 'Unknown team command int. Did you mean init? team commands: check, init.'],
  ])('%j in %s', (argv, lang, expected) => {
    expect(message(parseCommandLine(argv, { LANG: lang === 'ko' ? 'ko_KR.UTF-8' : 'en_US.UTF-8' }))).toBe(
      expected,
    );
  });

  it.each([
    [['check', '--jsno'], 'en', /^Unknown flag --jsno\. Did you mean --json\? Valid here: --lang, /],
    [
      ['check', '--jsno'],
      'ko',
      /^알 수 없는 플래그입니다: --jsno\. 혹시 --json 말인가요\? 여기서 쓸 수 있는 플래그: /,
    ],
    [['check', '-json'], 'en', /^Unknown flag -json\. Did you mean --json\?/],
    [['check', '--wait', '3'], 'en', /^Unknown flag --wait\. Did you mean --wait-for-credit\?/],
    [
      ['serve', '--scenario', 'no-credi'],
      'en',
      /^--scenario no-credi is not valid\. Did you mean no-credit\?/,
    ],
    [['--chekc'], 'en', /^Unknown flag --chekc\. Did you mean check\?/],
  ])('%j in %s', (argv, lang, expected) => {
    expect(message(parseCommandLine(argv, { LANG: lang === 'ko' ? 'ko_KR.UTF-8' : 'en_US.UTF-8' }))).toMatch(
      expected,
    );
  });

  it('suggests nothing when nothing is close', () => {
    expect(message(parseCommandLine(['xyzzy'], env))).not.toMatch(/Did you mean/);
    expect(message(parseCommandLine(['--lang', 'fr'], env))).not.toMatch(/Did you mean/);
  });

  it('lists every scenario name when one is wrong, in one line', () => {
    const text = message(parseCommandLine(['serve', '--scenario', 'bogus'], env));
    expect(text).not.toContain('serve --help');
    expect(text).toContain('success, no-credit, no-credit-then-ok');
    expect(text).toContain('control-error');
    expect(text).not.toContain('\n');
  });
});

describe('conflicting flags', () => {
  it.each(CONFLICTS.map(([one, other]) => ({ one, other })))(
    '--$one with --$other is refused',
    ({ one, other }) => {
      const command =
        FLAG_TABLE[one]?.commands.includes('wizard') && FLAG_TABLE[other]?.commands.includes('wizard');
      const value = (name: string) =>
        FLAG_TABLE[name]?.type === 'string' ? [name === 'timeout' ? '30' : 'x.test'] : [];
      const argv = [...(command ? [] : ['check']), `--${one}`, ...value(one), `--${other}`, ...value(other)];
      if (one === 'demo' && other === 'allow-host') argv.push('--team', 't.json');
      expect(message(parseCommandLine(argv, env))).toMatch(
        new RegExp(`^--${one} and --${other} cannot be used together: .+\\.$`),
      );
    },
  );

  it('explains each conflict and each requirement in both languages', () => {
    for (const lang of ['en', 'ko'] as const) {
      const cli = contentFor(lang).cli;
      for (const [one, other] of CONFLICTS) expect(cli.conflictReasons).toHaveProperty([`${one}+${other}`]);
      for (const [one, other] of REQUIRES) expect(cli.requireReasons).toHaveProperty([`${one}+${other}`]);
    }
  });

  it('refuses --demo with --key-stdin instead of ignoring standard input', () => {
    expect(message(parseCommandLine(['check', '--demo', '--key-stdin'], env))).toBe(
      '--demo and --key-stdin cannot be used together: --demo uses the practice key, so nothing would be read from standard input.',
    );
  });

  it('refuses --allow-host without --team', () => {
    expect(message(parseCommandLine(['check', '--allow-host', 'llm.example.test'], env))).toMatch(
      /^--allow-host needs --team/,
    );
  });

  it('lets --demo ignore OPENAI_BASE_URL and a broken proxy, as CLI.md says', () => {
    const environment = {
      ...env,
      OPENAI_BASE_URL: 'http://remote.example.test/v1',
      HTTPS_PROXY: 'not a url',
    };
    expect(parseCommandLine(['check', '--demo'], environment)).toMatchObject({ kind: 'run' });
  });
});

describe('--timeout', () => {
  it.each([
    ['1', 1],
    ['60', 60],
    ['2.5', 2.5],
    ['3600', 3600],
  ])('accepts %s', (value, seconds) => {
    expect(parseCommandLine(['check', '--timeout', value], env)).toMatchObject({
      flags: { timeoutSeconds: seconds },
    });
  });

  it.each(['0', '0.5', '3601', '3000000', '9999999', 'Infinity', 'NaN', ''])('refuses %j', (value) => {
    expect(message(parseCommandLine(['check', `--timeout=${value}`], env))).toMatch(
      /Valid: a number of seconds from 1 to 3600/,
    );
  });
});

describe('an unusable environment for check', () => {
  it.each(['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy'])(
    '%s=not a url names the variable',
    (name) => {
      const parsed = parseCommandLine(['check', '--json'], { ...env, [name]: 'not a url' });
      expect(parsed).toMatchObject({ kind: 'usage-error', json: true, command: 'check' });
      expect(message(parsed)).toBe(
        `${name} is not a proxy URL that can be used: give one like http://proxy.example.com:8080, or unset it`,
      );
    },
  );

  it('names the variable in Korean too', () => {
    expect(message(parseCommandLine(['check'], { LANG: 'ko_KR.UTF-8', HTTPS_PROXY: 'proxy:3128' }))).toMatch(
      /^HTTPS_PROXY 환경 변수의 값은 쓸 수 있는 프록시 URL이 아닙니다/,
    );
  });

  it('takes a usable proxy', () => {
    expect(
      parseCommandLine(['check'], { ...env, HTTPS_PROXY: 'http://user:pw@proxy.example.test:3128' }),
    ).toMatchObject({ kind: 'run' });
  });
});

describe('keys on the command line', () => {
  it.each([
    [['check', '--json', KEY]],
    [[KEY]],
    [['check', '--model', KEY]],
    [['check', `--lang=${KEY}`]],
    [['check', '--timeout', KEY]],
    [['check', '--base-url', KEY]],
    [['help', KEY]],
    [['team', KEY]],
    [[`--${KEY}`]],
    [['check', '--base-url', `https://x.test/${KEY}`]],
  ])('%j: refused, and the key appears only masked', (argv) => {
    const text = message(parseCommandLine(argv, env));
    expect(text).not.toContain(KEY);
    expect(text).not.toContain(KEY.slice(8, -4));
  });

  it('masks other services’ tokens and URL passwords it echoes', () => {
    const google = `AIzaSy${'A1b2C3d4'.repeat(4)}`;
    expect(message(parseCommandLine([google], env))).not.toContain(google);
    const text = message(parseCommandLine(['check', '--base-url', 'https://me:hunter2@ x'], env));
    expect(text).not.toContain('hunter2');
  });

  it('removes control sequences from what it echoes', () => {
    expect(message(parseCommandLine(['\u001b]0;owned\u0007\u001b[31mhello'], env))).not.toMatch(
      /[\u0000-\u001f]/,
    );
  });
});
