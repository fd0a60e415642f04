import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OUTCOMES } from '../../src/api/outcomes.js';
import { FLAG_TABLE, type HelpTopic } from '../../src/commands/args.js';
import { exitCodes, HELP_WIDTH, helpText } from '../../src/commands/help.js';
import { textWidth } from '../../src/components/text-width.js';
import { contentFor } from '../../src/content/content.js';
import { SCENARIOS } from '../../src/demo/scenario-names.js';
import { baseEnv, runCli } from '../helpers/cli.js';

const FILES = {
  progress: '/home/u/.config/openai-topup/progress.json',
  demo: '/home/u/.config/x/progress-demo.json',
  consent: '/home/u/.config/openai-topup/team-consent.json',
};
const TOPICS: readonly HelpTopic[] = ['wizard', 'check', 'serve', 'team'];
const LANGS = ['en', 'ko'] as const;
/** The environment variables ../shared/CLI.md says the tool reads. */
const ENVIRONMENT = [
  'OPENAI_API_KEY',
  'OPENAI_BASE_URL',
  'OPENAI_ORG_ID',
  'OPENAI_PROJECT_ID',
  'HTTPS_PROXY',
  'HTTP_PROXY',
  'NO_PROXY',
  'NO_COLOR',
  'LANG',
  'LC_ALL',
];

/** The flag names on the top-level help's row for one command (the row may wrap). */
function rowFlags(text: string, label: string): string[] {
  const lines = text.split('\n');
  const section = lines.indexOf('Flags of each command:');
  const start = lines.findIndex((line, index) => index > section && line.startsWith(`  ${label} `));
  const row = [lines[start] ?? ''];
  for (const line of lines.slice(start + 1)) {
    if (!/^ {6,}--/.test(line)) break;
    row.push(line);
  }
  return row.join(' ').match(/--[a-z-]+/g) ?? [];
}

describe('help text', () => {
  it.each(TOPICS.flatMap((topic) => LANGS.map((lang) => ({ topic, lang }))))(
    '$topic in $lang fits 80 columns and fills every token',
    ({ topic, lang }) => {
      const text = helpText(topic, lang, FILES);
      for (const line of text.trimEnd().split('\n'))
        expect(textWidth(line), line).toBeLessThanOrEqual(HELP_WIDTH);
      expect(text).not.toMatch(/\{[a-zA-Z]+\}/);
    },
  );

  it.each(LANGS)(
    'the top-level help (%s) lists every command, flag, variable, exit code and the files',
    (lang) => {
      const text = helpText('wizard', lang, { ...FILES, home: '/home/u' });
      for (const usage of [
        'openai-topup [flags]',
        'openai-topup check [flags]',
        'openai-topup serve [flags]',
        'openai-topup team check [FILE]',
        'openai-topup team init',
        'openai-topup help [COMMAND]',
      ]) {
        expect(text).toContain(usage);
      }
      for (const [name, spec] of Object.entries(FLAG_TABLE)) {
        expect(text).toContain(`--${name}${spec.value ? ` ${spec.value}` : ''}`);
      }
      for (const variable of ENVIRONMENT) expect(text).toContain(variable);
      for (const code of exitCodes()) expect(text).toMatch(new RegExp(`^  ${code} `, 'm'));
      expect(text).toContain('~/.config/openai-topup/progress.json');
      expect(text).toContain('/home/u/.config/x/progress-demo.json'.replace('/home/u', '~'));
    },
  );

  it('lists each command with exactly the flags of the flag table', () => {
    const text = helpText('wizard', 'en', FILES);
    const labels = {
      wizard: 'openai-topup',
      check: 'check',
      serve: 'serve',
      team: 'team',
      help: 'help',
    } as const;
    for (const [command, label] of Object.entries(labels)) {
      const expected = Object.entries(FLAG_TABLE)
        .filter(
          ([name, spec]) => spec.commands.includes(command as never) && name !== 'help' && name !== 'version',
        )
        .map(([name]) => `--${name}`);
      expect(rowFlags(text, label), command).toEqual(expected);
    }
  });

  it('describes every flag of the table, and only those, in both languages', () => {
    for (const lang of LANGS) {
      expect(Object.keys(contentFor(lang).cli.help.flags).sort()).toEqual(Object.keys(FLAG_TABLE).sort());
    }
  });

  it('describes every exit code of the outcome table, and only those, in both languages', () => {
    expect(exitCodes()).toEqual(
      [...new Set(Object.values(OUTCOMES).map((outcome) => outcome.exitCode))].sort((a, b) => a - b),
    );
    for (const lang of LANGS) {
      expect(Object.keys(contentFor(lang).cli.help.exitCodes).map(Number)).toEqual(exitCodes());
    }
  });

  it.each(LANGS)('check help (%s) lists its flags and every outcome kind under its exit code', (lang) => {
    const text = helpText('check', lang, FILES);
    for (const [name, spec] of Object.entries(FLAG_TABLE)) {
      if (spec.commands.includes('check')) expect(text).toContain(`--${name}`);
      else expect(text).not.toContain(`--${name} `);
    }
    for (const [kind, outcome] of Object.entries(OUTCOMES)) {
      const block = text.slice(text.indexOf(`\n  ${outcome.exitCode} `));
      expect(block.split('\n').slice(1, 4).join(' ')).toContain(kind);
    }
  });

  it.each(LANGS)('serve help (%s) lists every scenario with what it rehearses', (lang) => {
    const text = helpText('serve', lang, FILES);
    const scenarios = contentFor(lang).serve.scenarios;
    for (const name of SCENARIOS) {
      expect(text).toMatch(new RegExp(`^  ${name} +\\S`, 'm'));
      expect(text.replace(/\n +/g, ' ')).toContain(scenarios[name].replace('{n}', '2'));
    }
    expect(text).toContain('--port N');
    expect(text).toContain('--scenario NAME');
  });

  it.each(LANGS)('team help (%s) shows both team commands and how a team file is used', (lang) => {
    const text = helpText('team', lang, FILES);
    expect(text).toContain('openai-topup team check [FILE]');
    expect(text).toContain('openai-topup team init');
    expect(text).toContain('--team FILE');
    expect(text).toContain('--allow-host HOST');
  });
});

describe('help on the command line', () => {
  it.each(LANGS)('`help` and `help COMMAND` (%s) print the same as --help, exit 0', async (lang) => {
    const env = baseEnv();
    for (const topic of ['', 'check', 'serve', 'team']) {
      const word = topic ? [topic] : [];
      const viaHelp = await runCli(['help', ...word, '--lang', lang], { env });
      const viaFlag = await runCli(
        [...(topic === 'team' ? ['team', 'init'] : word), '--help', '--lang', lang],
        {
          env,
        },
      );
      expect(viaHelp.code, topic).toBe(0);
      expect(viaFlag.code, topic).toBe(0);
      expect(viaHelp.stderr).toBe('');
      expect(viaHelp.stdout).toBe(viaFlag.stdout);
      expect(viaHelp.stdout).toContain(lang === 'ko' ? '플래그:' : 'Flags:');
    }
  });

  it('help with a typo is one line with a suggestion, exit 2', async () => {
    const result = await runCli(['help', 'chek']);
    expect(result).toMatchObject({
      code: 2,
      stdout: '',
      stderr:
        'openai-topup: There is no help on chek. Did you mean check? Help is there for: check, serve, team.\n',
    });
  });

  it('the README shows the real top-level help', async () => {
    const home = mkdtempSync(join(tmpdir(), 'topup-home-'));
    const result = await runCli(['--help'], {
      env: { PATH: process.env.PATH, HOME: home, LANG: 'en_US.UTF-8' },
    });
    const readme = readFileSync(join(import.meta.dirname, '../../README.md'), 'utf8');
    const block = /<!-- help:start -->\n```text\n([\s\S]*?)```\n<!-- help:end -->/.exec(readme)?.[1];
    expect(block, 'README.md: paste `openai-topup --help` between the help markers').toBe(result.stdout);
  });
});
