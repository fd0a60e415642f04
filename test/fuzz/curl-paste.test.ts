/**
 * The printed curl command is safe to paste: for generated hostile models and base URLs it parses
 * (`sh -n`), and a real shell with `curl` replaced by a stub that prints its arguments runs no other command
 * and receives every argument intact, with `$OPENAI_API_KEY` expanded and a URL password masked.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import {
  chatBody,
  curlCommand,
  curlCommandCompact,
  DEFAULT_BASE_URL,
  endpoint,
  shownUrl,
  TEST_MESSAGES,
} from '../../src/api/request.js';
import { cleanText } from '../../src/text/sanitize.js';
import { shellQuote, shellWord } from '../../src/text/shell-quote.js';
import { stepIndex } from '../../src/wizard/steps.js';
import { renderApp } from '../helpers/app.js';
import { baseEnv, runCli } from '../helpers/cli.js';
import { fuzzParams, fuzzTimeout } from '../helpers/fuzz.js';

const SENTINEL = 'sk-proj-SENTINEL0fake0key0never0print0me0000000000AbCd';
const PASSWORD = 'hunter2pw';
/** What a pasted command may show: no control character but the line break, no format character. */
const UNSHOWABLE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\p{Cf}]/u;
/** The shells a user pastes into; bash only where installed. */
const SHELLS = ['sh', 'bash'].filter((shell) => spawnSync(shell, ['-c', 'true']).status === 0);

/** Pieces that end a quote, run a command, redirect into a file, or expand something. */
const PIECES = [
  "'",
  '"',
  '\\',
  '$(touch PWNED)',
  '`touch PWNED`',
  "'; touch PWNED; echo '",
  '"; touch PWNED; echo "',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a shell expansion, on purpose
  '${IFS}',
  '$OPENAI_API_KEY',
  '$HOME',
  '!!',
  '!',
  ';',
  '&',
  '|',
  '>PWNED',
  '*',
  '~',
  '#',
  '%s',
  ' ',
  '\n',
  '\t',
  '\u0000',
  '\u001b[2J',
  '\u001b]52;c;ZXZpbA==\u0007',
  '\u009b31m',
  '\u202e',
  '\u2028',
  '{}',
  '()',
  "'\\''",
  '가',
  '🙂',
];
const hostile = fc
  .array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ unit: 'binary', maxLength: 4 })), { maxLength: 6 })
  .map((parts) => parts.join(''));
const model = fc.oneof(fc.constantFrom('gpt-4o-mini', 'ft:gpt-4o-mini:acme:custom:abc123'), hostile);
const baseUrl = fc
  .record({
    scheme: fc.constantFrom('https', 'http'),
    password: fc.boolean(),
    host: fc.constantFrom('api.openai.test', '127.0.0.1', 'localhost', 'llm-proxy.invalid', '[::1]'),
    port: fc.option(fc.integer({ min: 1, max: 65535 }), { nil: undefined }),
    path: hostile,
    query: fc.option(hostile, { nil: undefined }),
  })
  .map(
    ({ scheme, password, host, port, path, query }) =>
      `${scheme}://${password ? `user:${PASSWORD}@` : ''}${host}${port ? `:${port}` : ''}/${path}/v1${query === undefined ? '' : `?${query}`}`,
  );

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

/** Pastes a command into a shell whose `curl` prints its arguments; returns them and what else happened. */
function paste(shell: string, command: string) {
  const cwd = mkdtempSync(join(tmpdir(), 'topup-paste-'));
  folders.push(cwd);
  const syntax = spawnSync(shell, ['-n', '-c', command], { encoding: 'utf8' });
  const run = spawnSync(shell, ['-c', `curl() { printf '%s\\0' "$@"; }\n${command}`], {
    cwd,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, HOME: cwd, OPENAI_API_KEY: SENTINEL },
    timeout: 5000,
  });
  return {
    syntax: syntax.status,
    status: run.status,
    stderr: run.stderr,
    args: run.stdout.split('\0').slice(0, -1),
    created: readdirSync(cwd),
  };
}

/** The URL the command must carry: the endpoint as the HTTP client reads it, its password masked. */
function expectedUrl(base: string): string | undefined {
  try {
    const url = new URL(endpoint(base, '/chat/completions'));
    if (url.password) url.password = '****';
    return url.href;
  } catch {
    return undefined;
  }
}

/** Checks a pasted command: it parses, runs nothing else, and curl gets exactly these arguments. */
function expectSafe(command: string, base: string, expected: { flags: string[]; body: unknown }) {
  expect(command).not.toMatch(UNSHOWABLE);
  expect(command).not.toContain(PASSWORD);
  for (const shell of SHELLS) {
    const pasted = paste(shell, command);
    expect({ shell, syntax: pasted.syntax, status: pasted.status, stderr: pasted.stderr }).toEqual({
      shell,
      syntax: 0,
      status: 0,
      stderr: '',
    });
    expect(pasted.created).toEqual([]);
    const [url, ...rest] = pasted.args.slice(expected.flags.length);
    expect(pasted.args.slice(0, expected.flags.length)).toEqual(expected.flags);
    const wanted = expectedUrl(base);
    if (wanted !== undefined) expect(url).toBe(wanted);
    expect(rest.slice(0, 5)).toEqual([
      '-H',
      'Content-Type: application/json',
      '-H',
      `Authorization: Bearer ${SENTINEL}`,
      '-d',
    ]);
    expect(rest).toHaveLength(6);
    expect(JSON.parse(rest[5] ?? '')).toEqual(expected.body);
  }
}

describe('the printed curl command', () => {
  it("keeps the guide's layout for ordinary values", () => {
    expect(curlCommand(DEFAULT_BASE_URL, 'gpt-4o-mini', false)).toBe(
      [
        'curl "https://api.openai.com/v1/chat/completions" \\',
        '    -H "Content-Type: application/json" \\',
        '    -H "Authorization: Bearer $OPENAI_API_KEY" \\',
        `    -d '{`,
        '        "model": "gpt-4o-mini",',
        '        "messages": [',
        '            {',
        '                "role": "system",',
        '                "content": "You are a helpful assistant."',
        '            },',
        '            {',
        '                "role": "user",',
        '                "content": "Write a haiku that explains the concept of recursion."',
        '            }',
        '        ]',
        `    }'`,
      ].join('\n'),
    );
    expect(curlCommandCompact('http://127.0.0.1:4000/v1/', 'gpt-4o-mini').split('\n')[0]).toBe(
      'curl -N "http://127.0.0.1:4000/v1/chat/completions" \\',
    );
  });

  it.each([
    ["x'; touch PWNED; echo '", DEFAULT_BASE_URL],
    ['gpt-4o-mini', 'https://api.openai.test/$(touch PWNED)/v1'],
    ['gpt-4o-mini', 'https://api.openai.test/v1?`touch PWNED`'],
    ['$(touch PWNED)', `https://user:${PASSWORD}@api.openai.test/v1`],
  ])('model %j at %j: runs nothing, arrives intact', (name, base) => {
    expectSafe(curlCommand(base, name, false), base, { flags: [], body: chatBody(name, false) });
    expectSafe(curlCommandCompact(base, name), base, {
      flags: ['-N'],
      body: chatBody(name, true),
    });
  });

  it(
    'is safe to paste for any model and base URL (generated)',
    () => {
      fc.assert(
        fc.property(model, baseUrl, fc.boolean(), (name, base, stream) => {
          expectSafe(curlCommand(base, name, stream), base, {
            flags: stream ? ['-N'] : [],
            body: chatBody(name, stream),
          });
          expectSafe(curlCommandCompact(base, name), base, {
            flags: ['-N'],
            body: {
              model: name,
              stream: true,
              stream_options: { include_usage: true },
              messages: TEST_MESSAGES,
            },
          });
        }),
        fuzzParams(40),
      );
    },
    fuzzTimeout(60_000),
  );

  it.each([
    ['org-FAKEteam0000000000000000', 'proj_FAKEteam00000000000000', 64],
    ['org-FAKEteam0000000000000000', undefined, undefined],
    [undefined, "proj_'; touch PWNED; echo '", undefined],
    ['$(touch PWNED)', 'proj_\u001b]52;c;ZXZpbA==\u0007x', 64],
  ])(
    'with organization %j, project %j and a cap of %j tokens: the headers and the cap the call sends',
    (organization, project, maxTokens) => {
      const extras = {
        organization: organization === undefined ? undefined : { value: organization },
        project: project === undefined ? undefined : { value: project },
        maxTokens,
      };
      const headers = [
        ...(organization ? ['-H', `OpenAI-Organization: ${organization}`] : []),
        ...(project ? ['-H', `OpenAI-Project: ${cleanText(project)}`] : []),
      ];
      const commands = [
        [
          curlCommand(DEFAULT_BASE_URL, 'gpt-4o-mini', false, extras),
          [],
          chatBody('gpt-4o-mini', false, maxTokens),
        ],
        [
          curlCommand(DEFAULT_BASE_URL, 'gpt-4o-mini', true, extras),
          ['-N'],
          chatBody('gpt-4o-mini', true, maxTokens),
        ],
        [
          curlCommandCompact(DEFAULT_BASE_URL, 'gpt-4o-mini', extras),
          ['-N'],
          chatBody('gpt-4o-mini', true, maxTokens),
        ],
      ] as const;
      for (const [command, flags, body] of commands) {
        expect(command).not.toMatch(UNSHOWABLE);
        for (const shell of SHELLS) {
          const pasted = paste(shell, command);
          expect({ syntax: pasted.syntax, status: pasted.status, created: pasted.created }).toEqual({
            syntax: 0,
            status: 0,
            created: [],
          });
          const rest = pasted.args.slice(flags.length + 1);
          expect(pasted.args.slice(0, flags.length)).toEqual(flags);
          expect(rest.slice(0, 4 + headers.length)).toEqual([
            '-H',
            'Content-Type: application/json',
            '-H',
            `Authorization: Bearer ${SENTINEL}`,
            ...headers,
          ]);
          expect(rest.slice(4 + headers.length, -1)).toEqual(['-d']);
          expect(JSON.parse(rest.at(-1) ?? '')).toEqual(body);
        }
      }
      // Ordinary ids keep the guide's double quotes.
      if (organization?.startsWith('org-'))
        expect(curlCommand(DEFAULT_BASE_URL, 'gpt-4o-mini', false, extras)).toContain(
          `-H "OpenAI-Organization: ${organization}" \\`,
        );
    },
  );

  it('shows an organization or project from the environment as its variable, never its value', () => {
    const command = curlCommand(DEFAULT_BASE_URL, 'gpt-4o-mini', false, {
      organization: { variable: 'OPENAI_ORG_ID' },
      project: { variable: 'OPENAI_PROJECT_ID' },
    });
    expect(command).toContain(
      '    -H "OpenAI-Organization: $OPENAI_ORG_ID" \\\n    -H "OpenAI-Project: $OPENAI_PROJECT_ID" \\\n',
    );
  });

  it('masks the password of a URL, and shows it as the client reads it', () => {
    expect(shownUrl(`https://user:${PASSWORD}@api.openai.test/v1`)).toBe(
      'https://user:****@api.openai.test/v1',
    );
    expect(shownUrl('https://API.openai.test/v1/\u001b[2J')).toBe('https://api.openai.test/v1/%1B[2J');
    expect(shownUrl(`not a url //user:${PASSWORD}@x \u001b[2J`)).toBe('not a url //user:****@x ');
  });
});

describe('shell quoting', () => {
  it('keeps ordinary values in double quotes and quotes the rest singly', () => {
    expect(shellWord('https://api.openai.com/v1/chat/completions')).toBe(
      '"https://api.openai.com/v1/chat/completions"',
    );
    expect(shellWord('a$b')).toBe("'a$b'");
    expect(shellWord('a!b')).toBe("'a!b'");
    expect(shellQuote("it's")).toBe("'it'\\''s'");
  });

  it('gives back any string as one argument (generated)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (value) => {
        const clean = value.replace(/\u0000/g, '');
        const run = spawnSync('sh', ['-c', `printf '%s' ${shellWord(clean)}`], { encoding: 'utf8' });
        expect(run.stdout).toBe(clean);
      }),
      fuzzParams(30),
    );
  });
});

describe('where the command is printed', () => {
  it('a header value holding a URL with a password: the -H lines mask it', () => {
    const value = `https://user:${PASSWORD}@proxy.example.test:3128`;
    const command = curlCommand(DEFAULT_BASE_URL, 'gpt-4o-mini', false, {
      organization: { value },
      project: { value },
    });
    expect(command).not.toContain(PASSWORD);
    expect(command).toContain('-H "OpenAI-Organization: https://user:****@proxy.example.test:3128" \\');
  });

  it('--print with OPENAI_ORG_ID / OPENAI_PROJECT_ID set: the curl names the variables, never their values', async () => {
    const value = `https://user:${PASSWORD}@proxy.example.test:3128`;
    const result = await runCli(['--print', '--lang', 'en'], {
      env: baseEnv({ OPENAI_ORG_ID: value, OPENAI_PROJECT_ID: 'proj_FAKEenv000' }),
    });
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain(PASSWORD);
    expect(result.stdout).not.toContain('proj_FAKEenv000');
    expect(result.stdout).toContain(
      '    -H "OpenAI-Organization: $OPENAI_ORG_ID" \\\n    -H "OpenAI-Project: $OPENAI_PROJECT_ID" \\\n',
    );
  });

  it('--print with a hostile --model and OPENAI_BASE_URL: the block runs nothing when pasted', async () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a shell expansion, on purpose
    const name = "x';touch${IFS}PWNED;echo'";
    const base = `https://user:${PASSWORD}@api.openai.test/$(touch PWNED)/v1`;
    const result = await runCli(['--print', '--model', name], { env: baseEnv({ OPENAI_BASE_URL: base }) });
    expect(result.code).toBe(0);
    // The command starts a line of its own; the sentence before it mentions curl too.
    const start = result.stdout.indexOf('\ncurl ') + 1;
    const block = result.stdout.slice(start, result.stdout.indexOf('\n\n', start));
    expectSafe(block, base, { flags: [], body: chatBody(name, false) });
  });

  it('the test-call screen with a hostile model and base URL: the block runs nothing when pasted', async () => {
    const name = "x'$(touch PWNED)'`touch PWNED`";
    const base = `https://user:${PASSWORD}@api.openai.test/v1?$(touch PWNED)`;
    const at = stepIndex('test-call');
    const app = renderApp({
      // Wide enough for every line, narrower than the step list beside the screen (100 columns).
      columns: 99,
      rows: 50,
      state: { index: at, reached: at },
      initialKey: SENTINEL,
      // The key check never answers: the screen shows the command while it waits.
      services: { openSession: () => new Promise(() => undefined), call: { baseUrl: base, model: name } },
    });
    try {
      const frame = await app.waitForText('curl -N');
      const lines = frame.split('\n').map((line) => line.trimEnd());
      const first = lines.findIndex((line) => line.startsWith('curl -N'));
      const last = lines.findIndex((line, index) => index > first && line.endsWith("}]}'"));
      expect(app.stdout.frames.join('')).not.toContain(PASSWORD);
      expectSafe(lines.slice(first, last + 1).join('\n'), base, {
        flags: ['-N'],
        body: { model: name, stream: true, stream_options: { include_usage: true }, messages: TEST_MESSAGES },
      });
    } finally {
      app.instance.unmount();
    }
  });
});
