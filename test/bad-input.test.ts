import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { FLAG_TABLE, parseCommandLine } from '../src/commands/args.js';
import { baseEnv, CLI, runCli } from './helpers/cli.js';

const env = { LANG: 'en_US.UTF-8' };
const COMMANDS = ['wizard', 'check', 'serve', 'team', 'help'] as const;
const PREFIX: Record<(typeof COMMANDS)[number], string[]> = {
  wizard: [],
  check: ['check'],
  serve: ['serve'],
  team: ['team', 'init'],
  help: ['help'],
};
const prefix = (command: (typeof COMMANDS)[number]) => PREFIX[command];

/** A value each string flag refuses. */
const BAD_VALUES: Record<string, string> = {
  lang: 'fr',
  'base-url': 'nonsense',
  model: ' ',
  timeout: '-3',
  'wait-for-credit': 'soon',
  port: '99999',
  scenario: 'nope',
  team: ' ',
  'allow-host': 'https://llm.example.test/v1',
};

describe('every flag of the flag table', () => {
  const stringFlags = Object.entries(FLAG_TABLE).filter(([, spec]) => spec.type === 'string');

  it.each(stringFlags.map(([name, spec]) => ({ name, command: spec.commands[0] ?? 'wizard' })))(
    '--$name without a value: one line naming it, exit 2',
    ({ name, command }) => {
      const parsed = parseCommandLine([...prefix(command), `--${name}`], env);
      expect(parsed).toMatchObject({ kind: 'usage-error' });
      expect(parsed.kind === 'usage-error' && parsed.message).toMatch(new RegExp(`--${name} needs a value`));
    },
  );

  it.each(stringFlags.map(([name, spec]) => ({ name, command: spec.commands[0] ?? 'wizard' })))(
    '--$name with a bad value: refused, naming the valid choices',
    ({ name, command }) => {
      const parsed = parseCommandLine([...prefix(command), `--${name}`, BAD_VALUES[name] ?? 'x'], env);
      expect(parsed).toMatchObject({ kind: 'usage-error' });
    },
  );

  const misplaced = Object.entries(FLAG_TABLE).flatMap(([name, spec]) =>
    COMMANDS.filter((command) => !spec.commands.includes(command)).map((command) => ({
      name,
      command,
      type: spec.type,
    })),
  );
  it.each(misplaced)('--$name given to $command: refused', ({ name, command, type }) => {
    const parsed = parseCommandLine(
      [...prefix(command), `--${name}`, ...(type === 'string' ? ['x'] : [])],
      env,
    );
    expect(parsed.kind === 'usage-error' && parsed.message).toContain(`--${name} does not apply to`);
  });

  it('refuses a value given to a switch', () => {
    expect(parseCommandLine(['--print=yes'], env)).toMatchObject({ kind: 'usage-error' });
  });

  it.each([['--key'], ['--api-key'], ['--token']])(
    'refuses %s, so the key never sits in a command line',
    (flag) => {
      const parsed = parseCommandLine(['check', flag, 'sk-proj-FAKE'], env);
      expect(parsed.kind === 'usage-error' && parsed.message).toContain('never taken as a flag');
    },
  );

  it('spawned: a bad flag is one line on stderr and exit 2, in Korean too', async () => {
    const result = await runCli(['serve', '--port', 'abc', '--lang', 'ko']);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('--port 플래그에 쓸 수 없는 값입니다: abc.');
  });
});

describe('the key from standard input', () => {
  it.each([
    ['empty', '', 'no-key'],
    ['only newlines', '\n\n', 'no-key'],
    ['another service', `ghp_${'FAKE'.repeat(9)}\n`, 'key-format'],
    ['two lines', `sk-proj-${'FAKE'.repeat(12)}\nsk-proj-${'FAKE'.repeat(12)}\n`, 'key-format'],
    ['very long garbage', 'x'.repeat(200_000), 'key-format'],
  ])('%s → %s, nothing sent', async (_name, input, kind) => {
    const result = await runCli(['check', '--json', '--key-stdin', '--base-url', 'http://127.0.0.1:9/v1'], {
      input,
    });
    expect(JSON.parse(result.stdout)).toMatchObject({ kind });
    expect(result.stdout.length).toBeLessThan(2000);
  });
});

describe('output closed early', () => {
  it.each([[['--print']], [['--help']], [['check', '--demo']]])(
    'openai-topup %j | head -1 ends quietly',
    async (args) => {
      const child = spawn(
        'sh',
        ['-c', `"${process.execPath}" "${CLI}" ${args.join(' ')} | head -1; echo "status=$?"`],
        {
          env: baseEnv(),
        },
      );
      let out = '';
      let err = '';
      child.stdout.on('data', (d) => {
        out += d;
      });
      child.stderr.on('data', (d) => {
        err += d;
      });
      await new Promise((resolve) => child.on('close', resolve));
      expect(out.trim().split('\n')).toHaveLength(2);
      expect(err).toBe('');
    },
  );
});
