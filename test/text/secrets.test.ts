import { describe, expect, it } from 'vitest';
import {
  maskKey,
  maskSecrets,
  maskUrlPassword,
  safeText,
  stripTerminalControls,
  urlPassword,
} from '../../src/text/secrets.js';

const SENTINEL = 'sk-proj-SENTINEL0fake0key0never0print0me0000000000AbCd';

describe('masking', () => {
  it('keeps the first 8 and last 4 characters', () => {
    expect(maskKey(SENTINEL)).toBe('sk-proj-…AbCd');
  });

  it('keeps less of short strings', () => {
    expect(maskKey('sk-short1')).toBe('sk-…');
    expect(maskKey('abc')).toBe('…');
  });

  it('masks a given secret and anything shaped like a key', () => {
    const text = `key ${SENTINEL} and sk-otherFAKEFAKEFAKEFAKE1234 and password hunter2`;
    const masked = maskSecrets(text, ['hunter2']);
    expect(masked).not.toContain(SENTINEL);
    expect(masked).not.toContain('sk-otherFAKEFAKEFAKEFAKE1234');
    expect(masked).not.toContain('hunter2');
    expect(masked).toContain('sk-proj-…AbCd');
  });

  it('masks proxy passwords', () => {
    expect(maskUrlPassword('http://user:s3cret@proxy.local:3128')).toBe('http://user:****@proxy.local:3128');
    // A password holding an unencoded @ is masked whole (the --debug trace printed 'user:****@ret99@…').
    expect(maskUrlPassword('via http://user:sec@ret99@127.0.0.1:9/ and https://a:b@c.test/x')).toBe(
      'via http://user:****@127.0.0.1:9/ and https://a:****@c.test/x',
    );
    expect(urlPassword('http://user:s3cr%40t@proxy.local:3128')).toBe('s3cr@t');
    expect(urlPassword('http://proxy.local:3128')).toBeUndefined();
  });
});

describe('stripTerminalControls', () => {
  it.each([
    ['colour', 'a\u001b[31mred\u001b[0m b', 'ared b'],
    ['clear screen', 'x\u001b[2J\u001b[Hy', 'xy'],
    ['an OSC 8 link', '\u001b]8;;https://evil.example\u0007click\u001b]8;;\u0007', 'click'],
    ['an OSC 52 clipboard write', 'a\u001b]52;c;ZXZpbA==\u0007b', 'ab'],
    ['an OSC with ST', 'a\u001b]0;title\u001b\\b', 'ab'],
    ['C1 CSI', 'a\u009b31mb', 'ab'],
    ['bell and backspace', 'a\u0007\u0008b', 'ab'],
    ['carriage returns', 'a\r\nb\rc', 'a\nb\nc'],
  ])('removes %s', (_name, input, output) => {
    expect(stripTerminalControls(input)).toBe(output);
  });

  it('keeps newlines and Korean text', () => {
    expect(safeText('재귀\n함수')).toBe('재귀\n함수');
  });
});

describe('a secret cut short', () => {
  it.each([
    ['its start', `echo: ${SENTINEL.slice(0, 30)} (cut)`, 'echo: sk-proj-… (cut)'],
    ['its start, glued to a word', `xJ${SENTINEL.slice(0, 20)}`, 'xJsk-proj-…'],
    ['its end', `tail ${SENTINEL.slice(-20)}.`, 'tail …AbCd.'],
    [
      'too little of it to matter',
      `${SENTINEL.slice(0, 11)} and ${SENTINEL.slice(-11)}`,
      `${SENTINEL.slice(0, 11)} and ${SENTINEL.slice(-11)}`,
    ],
  ])('masks %s', (_name, text, masked) => {
    expect(maskSecrets(text, [SENTINEL])).toBe(masked);
  });

  it('masks the whole key and its pieces together', () => {
    const text = `${SENTINEL} ${SENTINEL.slice(0, 25)} ${SENTINEL}`;
    expect(maskSecrets(text, [SENTINEL])).toBe('sk-proj-…AbCd sk-proj-… sk-proj-…AbCd');
  });
});
