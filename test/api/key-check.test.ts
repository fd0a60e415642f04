import { describe, expect, it } from 'vitest';
import { checkKey, cleanKeyInput, keyFromInput } from '../../src/api/key-check.js';

// Obviously fake keys, shaped like the real forms.
const FAKE_PROJECT = `sk-proj-${'FAKEfake0123456789'.repeat(8)}`;
const FAKE_LEGACY = `sk-${'FAKE'.repeat(12)}`;
const FAKE_SERVICE = `sk-svcacct-${'FAKE0123'.repeat(18)}`;

describe('checkKey', () => {
  it.each([
    ['a project key', FAKE_PROJECT],
    ['a legacy key', FAKE_LEGACY],
    ['a service-account key', FAKE_SERVICE],
  ])('accepts %s', (_name, key) => {
    expect(checkKey(key)).toEqual({ ok: true, key });
  });

  it.each([
    ['export OPENAI_API_KEY=<key>'],
    ['exportOPENAI_API_KEY=<key>'],
    ['OPENAI_API_KEY="<key>"'],
    ["export OPENAI_API_KEY = '<key>'"],
  ])('takes the key out of the post’s own line pasted whole: %s', (line) => {
    expect(checkKey(line.replace('<key>', FAKE_PROJECT))).toEqual({ ok: true, key: FAKE_PROJECT });
  });

  it.each([
    ['empty', '', 'empty', undefined],
    ['only spaces', '   \n', 'empty', undefined],
    ['cut off', 'sk-proj-FAKEfake012345', 'cutOff', undefined],
    ['spaces inside', `${FAKE_PROJECT.slice(0, 30)} ${FAKE_PROJECT.slice(30)}`, 'spaces', undefined],
    ['a URL', 'https://platform.openai.com/api-keys', 'url', undefined],
    ['a URL without scheme', 'platform.openai.com/api-keys', 'url', undefined],
    ['an Anthropic key', `sk-ant-api03-${'FAKE'.repeat(20)}`, 'otherService', 'Anthropic'],
    ['a Google key', `AIza${'FAKE'.repeat(9)}`, 'otherService', 'Google'],
    ['a GitHub token', `ghp_${'FAKE'.repeat(9)}`, 'otherService', 'GitHub'],
    ['a GitHub fine-grained token', `github_pat_${'FAKE'.repeat(20)}`, 'otherService', 'GitHub'],
    ['a Slack token', 'xoxb-0000-0000-FAKEFAKEFAKE', 'otherService', 'Slack'],
    ['an admin key', `sk-admin-${'FAKE'.repeat(30)}`, 'admin', undefined],
    ['something else', 'hello-world-this-is-not-a-key-at-all-really', 'unknown', undefined],
  ])('refuses %s', (_name, raw, problem, service) => {
    const result = checkKey(raw);
    expect(result.ok).toBe(false);
    expect(result).toMatchObject({ problem, ...(service ? { service } : {}) });
  });
});

describe('cleanKeyInput', () => {
  it.each([
    ['a trailing newline', `${FAKE_PROJECT}\n`],
    ['a Windows line end', `${FAKE_PROJECT}\r\n`],
    ['spaces around', `  ${FAKE_PROJECT}  `],
    ['quotes from a .env file', `"${FAKE_PROJECT}"`],
    ['bracketed-paste markers with ESC', `\u001b[200~${FAKE_PROJECT}\u001b[201~`],
    ['bracketed-paste markers without ESC (as Ink 6 passes them)', `[200~${FAKE_PROJECT}[201~`],
    ['control characters', `\u0007${FAKE_PROJECT}\u0000`],
  ])('leaves exactly the key after %s', (_name, raw) => {
    expect(cleanKeyInput(raw)).toBe(FAKE_PROJECT);
  });
});

describe('keyFromInput (--key-stdin)', () => {
  it.each([
    ['a bare key', `${FAKE_PROJECT}\n`, `${FAKE_PROJECT}\n`],
    ['a .env line', `OPENAI_API_KEY=${FAKE_PROJECT}\n`, FAKE_PROJECT],
    ['export and spaces', `export OPENAI_API_KEY = ${FAKE_PROJECT}\n`, FAKE_PROJECT],
    ['double quotes', `OPENAI_API_KEY="${FAKE_PROJECT}"`, FAKE_PROJECT],
    ['single quotes and a comment', `OPENAI_API_KEY='${FAKE_PROJECT}' # mine`, FAKE_PROJECT],
    ['a bare value and a comment', `OPENAI_API_KEY=${FAKE_PROJECT} # mine`, FAKE_PROJECT],
    [
      'other variables and comments around it, CRLF',
      `# keys\r\nOTHER=1\r\nOPENAI_API_KEY=${FAKE_PROJECT}\r\nOPENAI_BASE_URL=https://x.test/v1\r\n`,
      FAKE_PROJECT,
    ],
    ['the last one wins', `OPENAI_API_KEY=${FAKE_LEGACY}\nOPENAI_API_KEY=${FAKE_PROJECT}\n`, FAKE_PROJECT],
    ['a .env file without the key', 'OTHER=1\n# nothing else\n', undefined],
  ])('%s', (_name, input, expected) => {
    expect(keyFromInput(input)).toBe(expected);
  });

  it('hands a bare key to the same checks as a typed one', () => {
    expect(checkKey(keyFromInput(`"${FAKE_PROJECT}"\n`) ?? '')).toEqual({ ok: true, key: FAKE_PROJECT });
  });
});
