import { describe, expect, it } from 'vitest';
import pkg from '../package.json' with { type: 'json' };
import { baseEnv, runCli } from './helpers/cli.js';

describe('the command line, with piped stdio', () => {
  it('prints the plain-text guide when stdin and stdout are not terminals', async () => {
    const result = await runCli([]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('OpenAI API credit top-up guide');
    for (let n = 1; n <= 14; n++) expect(result.stdout).toMatch(new RegExp(`^${n}\\. `, 'm'));
    // Each URL stands alone on its own line.
    expect(result.stdout.split('\n')).toContain(
      'https://platform.openai.com/settings/organization/billing/overview',
    );
    expect(result.stdout.split('\n')).toContain('https://platform.openai.com/api-keys');
    expect(result.stdout).toContain('"Add payment details"');
    expect(result.stdout).toContain('"Confirm payment"');
    // Then how to run the test call.
    expect(result.stdout).toContain('openai-topup check');
    expect(result.stdout).toContain('"Write a haiku that explains the concept of recursion."');
    expect(result.stdout).toContain('Authorization: Bearer $OPENAI_API_KEY');
    expect(result.stdout).not.toContain('\u001b[');
  });

  it('prints the guide in Korean with --print --lang ko', async () => {
    const result = await runCli(['--print', '--lang', 'ko']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('OpenAI API 크레딧 충전 안내');
    expect(result.stdout).toContain('해외결제');
  });

  it('takes Korean from LANG', async () => {
    const result = await runCli(['--print'], { env: baseEnv({ LANG: 'ko_KR.UTF-8' }) });
    expect(result.stdout).toContain('키 시험하기');
  });

  it('folds symbols to ASCII with --ascii', async () => {
    const result = await runCli(['--print', '--ascii']);
    expect(result.stdout).toContain('Organization -> Billing');
    expect(result.stdout).not.toMatch(/[→●○✓…·]/);
  });

  it('shows help with the progress file, exit 0', async () => {
    const result = await runCli(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('openai-topup check [flags]');
    expect(result.stdout).toMatch(/openai-topup\/progress\.json/);
  });

  it('shows the version, exit 0', async () => {
    const result = await runCli(['-V']);
    expect(result).toMatchObject({ code: 0, stdout: `${pkg.version}\n` });
  });

  it.each([
    [['--bogus'], 'Unknown flag --bogus'],
    [['--json'], '--json does not apply to openai-topup'],
    [['--lang'], '--lang needs a value'],
    [['--lang', 'fr'], '--lang fr is not valid'],
  ])('exits 2 on %j with one line naming the problem', async (args, message) => {
    const result = await runCli(args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain(message);
  });
});
