/** Sentences broken into lines so that labels, commands and URLs stay whole (CLI.md: copy-safe text). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commandLines, proseLines, trailingCommand } from '../../src/components/prose-wrap.js';
import { textWidth } from '../../src/components/text-width.js';
import { fuzzParams } from '../helpers/fuzz.js';

const COLOR = { color: true };
const drawn = (line: string, color: boolean) => line.replace(/`/g, color ? '' : '"');

describe('proseLines', () => {
  it('moves a command in a sentence to the next line instead of breaking it', () => {
    const lines = proseLines(
      'To use another model, run openai-topup --model gpt-4.1-mini and try again.',
      40,
      COLOR,
    );
    expect(lines.some((line) => line.includes('openai-topup --model gpt-4.1-mini'))).toBe(true);
    expect(proseLines('or run: openai-topup --timeout 120 to wait longer', 40, COLOR).join('\n')).toContain(
      'openai-topup --timeout 120',
    );
    expect(
      proseLines(
        '늘리거나, q를 눌러 끝낸 뒤 openai-topup --print 명령으로 안내를 글로 보세요.',
        40,
        COLOR,
      ).join('\n'),
    ).toContain('openai-topup --print');
  });

  it('keeps a platform label whole, with or without colour', () => {
    for (const color of [true, false]) {
      const lines = proseLines('Then press `Create new secret key` at the top right of the page.', 30, {
        color,
      });
      expect(lines.some((line) => line.includes('`Create new secret key`'))).toBe(true);
      for (const line of lines) expect(textWidth(drawn(line, color))).toBeLessThanOrEqual(30);
    }
    expect(proseLines('오른쪽 위의 `Log in`을 눌러 로그인하세요.', 16, COLOR).join('\n')).toContain(
      '`Log in`을',
    );
  });

  it('breaks a URL wider than the line only after a slash', () => {
    const url = 'https://platform.openai.com/docs/guides/error-codes/api-errors.';
    const lines = proseLines(`For details, see the docs: ${url}`, 40, COLOR);
    expect(lines).toEqual([
      'For details, see the docs:',
      'https://platform.openai.com/docs/guides/',
      'error-codes/api-errors.',
    ]);
    expect(
      proseLines('You can find your API key at https://platform.openai.com/account/api-keys.', 40, COLOR),
    ).toEqual(['You can find your API key at', 'https://platform.openai.com/account/', 'api-keys.']);
  });

  it('never draws a line wider than the width, and loses or adds nothing but line breaks (generated)', () => {
    const word = fc.oneof(
      fc.constantFrom(
        'openai-topup --model gpt-4.1-mini',
        '`Log in`',
        '`Create new secret key`',
        'https://platform.openai.com/settings/organization/limits',
        '가나다라',
        '크레딧을',
      ),
      fc.string({ unit: fc.constantFrom('a', 'b', '가', '/', ':', '-'), minLength: 1, maxLength: 50 }),
    );
    fc.assert(
      fc.property(
        fc.array(word, { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 4, max: 120 }),
        fc.boolean(),
        (words, columns, color) => {
          const text = words.join(' ');
          const lines = proseLines(text, columns, { color });
          for (const line of lines) expect(textWidth(drawn(line, color))).toBeLessThanOrEqual(columns);
          expect(lines.join('').replace(/ /g, '')).toBe(text.replace(/ /g, ''));
        },
      ),
      fuzzParams(300),
    );
  });
});

describe('text from outside (a server message)', () => {
  it('breaks its URLs after a slash, and takes a backtick as a backtick', () => {
    const message =
      'The server said: You can find your API key at https://platform.openai.com/account/api-keys.';
    const lines = proseLines(message, 40, { color: true, labels: false });
    // The URL's pieces end at slashes: joined back, the only break inside it follows a '/'.
    const joined = lines.join('\n');
    expect(joined.replace(/\/\n/g, '/')).toContain('https://platform.openai.com/account/api-keys.');
    expect(joined).not.toMatch(/https:\/\/[^\s]*[^/\s]\n[^\s]/);
    for (const line of lines) expect(textWidth(line)).toBeLessThanOrEqual(40);
    expect(proseLines('a `b c` d', 4, { color: false, labels: false })).toEqual(['a `b', 'c` d']);
  });
});

describe('a command at the end of a message', () => {
  it('is found, and breaks only between arguments with a trailing backslash when wider than the line', () => {
    expect(trailingCommand('Progress saved. To continue, run: openai-topup --demo')).toEqual({
      sentence: 'Progress saved. To continue, run:',
      command: 'openai-topup --demo',
    });
    expect(trailingCommand('No command here.')).toEqual({ sentence: 'No command here.' });
    const command = `openai-topup check --team 'our team file.json' --lang ko`;
    const lines = commandLines(command, 30);
    for (const line of lines) expect(textWidth(line)).toBeLessThanOrEqual(30);
    expect(lines.slice(0, -1).every((line) => line.endsWith(' \\'))).toBe(true);
    expect(lines.join('\n').replace(/ \\\n/g, ' ')).toBe(command);
    expect(lines.some((line) => line.includes(`'our team file.json'`))).toBe(true);
    expect(commandLines('openai-topup --demo', 40)).toEqual(['openai-topup --demo']);
  });
});
