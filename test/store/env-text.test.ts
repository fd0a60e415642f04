import { parse } from 'dotenv';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addIgnoreLine,
  entryCount,
  parseEnvText,
  readEnvValues,
  renderEnvValue,
  setEnvValues,
} from '../../src/store/env-text.js';

const KEY = 'sk-proj-FAKEnewKEY0000000000000000000000000000AbCd';
const set = (text: string, key = KEY) =>
  setEnvValues(parseEnvText(text), [{ name: 'OPENAI_API_KEY', value: key }]);

describe('reading a .env as dotenv does', () => {
  it.each([
    ['plain', 'A=1\nB=2\n'],
    ['export and spaces', 'export A=1\n  B = "two"  # note\n'],
    ['quotes of each kind', `A='x y'\nB="a\\nb"\nC=\`c\`\n`],
    ['a value over several lines', 'A="line one\nline two"\nB=after\n'],
    ['CRLF and a lone CR', 'A=1\r\nB=2\rC=3'],
    ['comments and blank lines', '# A=no\n\n  # B=no\nC=yes # trailing\n'],
    ['colon form', 'A: yes\n'],
    ['the same name twice', 'A=first\nA=second\n'],
    ['an unclosed quote', 'A="open\nB=2\n'],
  ])('%s: the same values as dotenv.parse', (_name, text) => {
    expect(Object.fromEntries(readEnvValues(text))).toEqual(parse(text));
  });

  it('reads any mix of lines as dotenv does (property)', () => {
    const line = fc.oneof(
      fc.constantFrom('', '# comment', '   ', 'export', '=', 'A', 'OPENAI_API_KEY'),
      fc
        .tuple(
          fc.constantFrom('', '  ', 'export '),
          fc.constantFrom('A', 'B_2', 'OPENAI_API_KEY', 'x.y-z'),
          fc.constantFrom('=', ' = ', ': ', '='),
          fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom("'q'", '"d"', '"open', "'a\nb'", '`b`')),
          fc.constantFrom('', ' # c', '   '),
        )
        .map((parts) => parts.join('')),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 8 }), fc.constantFrom('\n', '\r\n', '\r'), (lines, eol) => {
        const text = lines.join(eol);
        expect(Object.fromEntries(readEnvValues(text))).toEqual(parse(text));
      }),
      { seed: 1211, numRuns: 300 },
    );
  });
});

describe('writing a value every reader reads back exactly', () => {
  it.each([
    [KEY, KEY],
    ['https://gateway.test/v1', 'https://gateway.test/v1'],
    ['proj_abc123', 'proj_abc123'],
    ['https://gw.test/v1?team=a&x=$HOME#frag', "'https://gw.test/v1?team=a&x=$HOME#frag'"],
    ['~user', "'~user'"],
  ])('%s → %s', (value, written) => {
    expect(renderEnvValue(value)).toBe(written);
  });

  it.each([['has space'], ["it's"], ['back\\slash'], [''], ['tab\there'], ['line\nbreak'], ['ünï']])(
    'refuses %j: no form reads back the same everywhere',
    (value) => {
      expect(renderEnvValue(value)).toBeUndefined();
    },
  );
});

describe('setting OPENAI_API_KEY, byte for byte around it', () => {
  it.each([
    ['a new file', '', `OPENAI_API_KEY=${KEY}\n`],
    [
      'LF, with other variables and comments',
      '# mine\nA=1\n\nB="two"\n',
      `# mine\nA=1\n\nB="two"\nOPENAI_API_KEY=${KEY}\n`,
    ],
    ['CRLF', 'A=1\r\nB=2\r\n', `A=1\r\nB=2\r\nOPENAI_API_KEY=${KEY}\r\n`],
    ['no final newline', 'A=1\nB=2', `A=1\nB=2\nOPENAI_API_KEY=${KEY}`],
    ['CRLF and no final newline', 'A=1\r\nB=2', `A=1\r\nB=2\r\nOPENAI_API_KEY=${KEY}`],
    [
      'mixed endings: the last one is used for the new line',
      'A=1\r\nB=2\nC=3\r\n',
      `A=1\r\nB=2\nC=3\r\nOPENAI_API_KEY=${KEY}\r\n`,
    ],
    ['a byte-order mark', '\u00ef\u00bb\u00bfA=1\n', `\u00ef\u00bb\u00bfA=1\nOPENAI_API_KEY=${KEY}\n`],
    ['only a byte-order mark', '\u00ef\u00bb\u00bf', `\u00ef\u00bb\u00bfOPENAI_API_KEY=${KEY}\n`],
    [
      'a file of exports',
      'export A=1\nexport B=2\n',
      `export A=1\nexport B=2\nexport OPENAI_API_KEY=${KEY}\n`,
    ],
  ])('adds to %s', (_name, before, after) => {
    expect(set(before)).toBe(after);
  });

  it.each([
    ['plain', 'A=1\nOPENAI_API_KEY=sk-old\nB=2\n', `A=1\nOPENAI_API_KEY=${KEY}\nB=2\n`],
    ['export', 'export OPENAI_API_KEY=sk-old\n', `export OPENAI_API_KEY=${KEY}\n`],
    ['spaced and double-quoted', 'OPENAI_API_KEY = "sk-old"\n', `OPENAI_API_KEY = ${KEY}\n`],
    ['single-quoted, indented', "  OPENAI_API_KEY='sk-old'\r\nA=1\r\n", `  OPENAI_API_KEY=${KEY}\r\nA=1\r\n`],
    ['with a comment', 'OPENAI_API_KEY=sk-old # work\n', `OPENAI_API_KEY=${KEY} # work\n`],
    [
      'a comment without a space before it',
      'OPENAI_API_KEY="sk-old"# work\n',
      `OPENAI_API_KEY=${KEY} # work\n`,
    ],
    ['empty', 'OPENAI_API_KEY=\nA=1', `OPENAI_API_KEY=${KEY}\nA=1`],
    ['over several lines', 'A=1\nOPENAI_API_KEY="sk-old\nmore"\nB=2\n', `A=1\nOPENAI_API_KEY=${KEY}\nB=2\n`],
    ['the last line, no final newline', 'A=1\r\nOPENAI_API_KEY=sk-old', `A=1\r\nOPENAI_API_KEY=${KEY}`],
  ])('replaces in place: %s', (_name, before, after) => {
    expect(set(before)).toBe(after);
  });

  it('replaces only the last of several OPENAI_API_KEY lines, the one every reader uses', () => {
    const before = 'OPENAI_API_KEY=sk-first\nA=1\nexport OPENAI_API_KEY="sk-second"\nB=2\n';
    const after = set(before) ?? '';
    expect(after).toBe(`OPENAI_API_KEY=sk-first\nA=1\nexport OPENAI_API_KEY=${KEY}\nB=2\n`);
    expect(entryCount(parseEnvText(before), 'OPENAI_API_KEY')).toBe(2);
    // dotenv's parse keeps the last value of a name in one file, as python-dotenv and a shell do.
    expect(parse(after).OPENAI_API_KEY).toBe(KEY);
    expect(parse(before).OPENAI_API_KEY).toBe('sk-second');
  });

  it('does not take a line inside another value for an assignment', () => {
    const before = 'NOTE="paste this:\nOPENAI_API_KEY=sk-not-a-line\n"\n';
    const after = set(before);
    expect(after).toBe(`${before}OPENAI_API_KEY=${KEY}\n`);
    expect(parse(after ?? '').NOTE).toBe(parse(before).NOTE);
  });

  it('keeps bytes that are not UTF-8 exactly', () => {
    const before = Buffer.from([0x23, 0x20, 0xe9, 0xff, 0xa0, 0x0a, 0x41, 0x3d, 0x31, 0x0a]).toString(
      'latin1',
    );
    const after = set(before) ?? '';
    expect(Buffer.from(after, 'latin1').subarray(0, 10)).toEqual(Buffer.from(before, 'latin1'));
  });

  it('sets the gateway and project with the same rules', () => {
    const parsed = parseEnvText('OPENAI_BASE_URL=https://old.test/v1\n');
    const after = setEnvValues(parsed, [
      { name: 'OPENAI_API_KEY', value: KEY },
      { name: 'OPENAI_BASE_URL', value: 'https://gw.test/v1?team=a&b=c' },
      { name: 'OPENAI_PROJECT_ID', value: 'proj_123' },
    ]);
    expect(after).toBe(
      `OPENAI_BASE_URL='https://gw.test/v1?team=a&b=c'\nOPENAI_API_KEY=${KEY}\nOPENAI_PROJECT_ID=proj_123\n`,
    );
  });

  it('changes nothing but the value it sets, for any file (property)', () => {
    const line = fc.oneof(
      fc.constantFrom(
        '# c',
        '',
        'A=1',
        'export B="x y"',
        "C='z'",
        'D="multi\nline"',
        'OPENAI_API_KEY=sk-old',
        'E=a#b',
      ),
      fc.string({ maxLength: 10 }),
    );
    fc.assert(
      fc.property(
        fc.array(line, { maxLength: 8 }),
        fc.constantFrom('\n', '\r\n'),
        fc.boolean(),
        (lines, eol, last) => {
          const before = lines.join(eol) + (last ? eol : '');
          const after = set(before);
          if (after === undefined) return;
          const was = parse(before);
          const now = parse(after);
          expect(now.OPENAI_API_KEY).toBe(KEY);
          for (const [name, value] of Object.entries(was))
            if (name !== 'OPENAI_API_KEY') expect(now[name]).toBe(value);
          expect(/[\r\n]$/.test(after)).toBe(before === '' || /[\r\n]$/.test(before));
          // With no key line to replace, the file only grows at its end.
          if (entryCount(parseEnvText(before), 'OPENAI_API_KEY') === 0)
            expect(after.startsWith(before)).toBe(true);
        },
      ),
      { seed: 1212, numRuns: 300 },
    );
  });
});

describe('adding .env to a .gitignore', () => {
  it.each([
    ['an empty file', '', '.env\n'],
    ['LF', 'dist\n', 'dist\n.env\n'],
    ['CRLF', 'dist\r\nbuild\r\n', 'dist\r\nbuild\r\n.env\r\n'],
    ['no final newline', 'dist', 'dist\n.env'],
    ['CRLF, no final newline', 'a\r\nb', 'a\r\nb\r\n.env'],
    ['a byte-order mark', '\u00ef\u00bb\u00bfdist\n', '\u00ef\u00bb\u00bfdist\n.env\n'],
  ])('%s: on its own line, in its line ending', (_name, before, after) => {
    expect(addIgnoreLine(before)).toBe(after);
  });

  it('never twice', () => {
    expect(addIgnoreLine('a\r\n.env\r\n')).toBeUndefined();
    expect(addIgnoreLine(addIgnoreLine('dist') ?? '')).toBeUndefined();
  });
});
