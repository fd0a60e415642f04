import { describe, expect, it } from 'vitest';
import { contentFor } from '../../src/content/content.js';
import { describeProblem, describeTeam, formatPath } from '../../src/team/describe.js';
import { parseTeamFile, type TeamProblem } from '../../src/team/team-file.js';
import { INVALID, MINIMAL, VALID, variant } from './fixtures.js';

const text = (file: unknown) => (typeof file === 'string' ? file : JSON.stringify(file, null, 2));
/** The line of a file's text on which `needle` first appears. */
const lineOf = (file: string, needle: string) => file.slice(0, file.indexOf(needle)).split('\n').length;
const problemsOf = (file: unknown): readonly TeamProblem[] => {
  const result = parseTeamFile(text(file));
  if (result.ok) throw new Error(`expected problems, got a valid file: ${text(file)}`);
  return result.problems;
};

describe('parseTeamFile: valid files', () => {
  it('reads a file that uses every field into its typed form', () => {
    const result = parseTeamFile(text(VALID));
    expect(result).toEqual({
      ok: true,
      warnings: [],
      team: {
        name: 'Acme Research',
        language: 'ko',
        payer: 'team',
        organization: { id: 'org-uOtiSEwvUnroadaOnJJquBEC', name: 'Acme' },
        project: { id: 'proj_AbCdEf0123456789abcdefGH', name: 'Onboarding' },
        model: 'gpt-4o-mini',
        baseUrl: 'https://llm-gateway.acme.test/v1',
        monthlyBudgetUsd: 25,
        contact: { name: 'Jane Kim', link: 'mailto:jane@acme.test' },
        steps: [
          {
            id: 'vpn',
            after: 'login',
            title: { en: 'Connect to the VPN', ko: 'VPN 연결하기' },
            text: { en: 'Open the VPN app and sign in.\nThen come back here.' },
            labels: { en: ['Connect'], ko: ['연결'] },
            url: 'https://wiki.acme.test/vpn',
          },
          { id: 'policy', after: 'accept-invite', title: { ko: '사용 규칙 읽기' } },
          { id: 'chat', after: 'vpn', title: { en: 'Join the #llm channel' } },
        ],
      },
    });
  });

  it('reads the smallest file: a name and who pays', () => {
    expect(parseTeamFile(text(MINIMAL))).toEqual({
      ok: true,
      warnings: [],
      team: { name: 'Class 3', payer: 'self', steps: [] },
    });
  });

  it.each([
    ['a gateway on this machine over http', 'http://localhost:8080/v1', 'http://localhost:8080/v1'],
    ['a loopback address', 'http://127.0.0.1:4000/v1', 'http://127.0.0.1:4000/v1'],
    ['IPv6 loopback', 'http://[::1]:4000/v1', 'http://[::1]:4000/v1'],
    [
      'a non-ASCII host, kept as punycode (the real target)',
      'https://bücher.test/v1',
      'https://xn--bcher-kva.test/v1',
    ],
  ])('accepts a base URL: %s', (_name, baseUrl, normalized) => {
    const result = parseTeamFile(text(variant((t) => Object.assign(t, { baseUrl }))));
    expect(result.ok && result.team.baseUrl).toBe(normalized);
  });

  it('accepts an https contact link and an extra step after another team step placed at the same anchor', () => {
    const file = variant((t) => {
      Object.assign(t.contact, { link: 'https://chat.acme.test/channel/llm' });
      t.steps.push({ id: 'second-vpn-note', after: 'login', title: { en: 'Another' } });
    });
    expect(parseTeamFile(text(file)).ok).toBe(true);
  });

  it('skips a byte order mark, as Windows editors write one', () => {
    expect(parseTeamFile(`\uFEFF${text(MINIMAL)}`).ok).toBe(true);
  });
});

describe('parseTeamFile: one invalid file per problem', () => {
  it.each(INVALID)('$name', ({ file, problem }) => {
    expect(problemsOf(file)).toContainEqual(expect.objectContaining(problem));
  });

  it('lists every problem of a file with several, in the order of the file, each with its line', () => {
    const file = [
      '{',
      '  "name": 5,',
      '  "payer": "team",',
      '  "organization": { "id": "org_bad" },',
      '  "project": { "id": "proj_ok1", "nmae": "x" },',
      '  "baseUrl": "http://gateway.acme.test/v1",',
      '  "steps": [',
      '    { "id": "vpn", "after": "billing", "title": { "en": "VPN" }, "url": "http://x.test" }',
      '  ],',
      '  "extra": true',
      '}',
    ].join('\n');
    const problems = problemsOf(file);
    expect(problems.map((p) => [p.kind, 'line' in p ? p.line : 0])).toEqual([
      ['type', 2],
      ['shape', 4],
      ['unknownField', 5],
      ['clearText', 6],
      ['unknownStep', 8],
      ['urlScheme', 8],
      ['unknownField', 10],
    ]);
  });

  it('does not blame an `after` for an unknown payer, but names the payer', () => {
    const problems = problemsOf(variant((t) => Object.assign(t, { payer: 'us' })));
    expect(problems.map((p) => p.kind)).toEqual(['choice']);
  });

  it('refuses a text longer than 64 KB before parsing it', () => {
    expect(problemsOf(`{"name": "${'a'.repeat(70_000)}", "payer": "self"}`)).toEqual([
      { kind: 'fileTooLarge', size: 70_029, max: 65_536 },
    ]);
  });

  it('refuses a budget that JSON reads as infinite', () => {
    expect(problemsOf('{"name": "A", "payer": "self", "monthlyBudgetUsd": 1e400}')).toEqual([
      expect.objectContaining({ kind: 'range', value: Number.POSITIVE_INFINITY }),
    ]);
  });

  it('survives a deeply nested hostile file', () => {
    const deep = `${'['.repeat(30_000)}${']'.repeat(30_000)}`;
    expect(problemsOf(deep)).toEqual([expect.objectContaining({ kind: 'type', found: 'array' })]);
  });
});

describe('parseTeamFile: JSON syntax errors, with line and column', () => {
  it.each([
    ['a missing comma', '{\n  "name": "Acme"\n  "payer": "self"\n}', 3, 3, '"'],
    ['a trailing comma', '{\n  "name": "Acme",\n}', 3, 1, '}'],
    ['a comment', '{\n  // who we are\n  "name": "Acme"\n}', 2, 3, '/'],
    ['single quotes', "{'name': 'Acme'}", 1, 2, "'"],
    ['Windows line ends', '{\r\n  "name": "Acme",\r\n  "payer": self\r\n}', 3, 12, 's'],
    ['Korean before the error, counted as characters', '{"name": "우리 팀" x}', 1, 17, 'x'],
    ['a raw control character in a string', '{"name": "a\u0001"}', 1, 12, '\u0001'],
    ['a misspelt literal', '{"name": "A", "payer": "self", "x": tru}', 1, 40, '}'],
    ['text after the object', '{"name": "A", "payer": "self"} x', 1, 32, 'x'],
  ])('%s', (_name, input, line, column, found) => {
    expect(problemsOf(input)).toEqual([{ kind: 'syntax', line, column, found }]);
  });

  it('says where a file that stops early ends', () => {
    expect(problemsOf('{\n  "name": "Acme",\n  "payer": "se')).toEqual([
      { kind: 'syntax', line: 3, column: 15 },
    ]);
  });

  it('calls an empty file empty', () => {
    const [problem] = problemsOf('');
    expect(problem).toEqual({ kind: 'syntax', line: 1, column: 1 });
    expect(describeProblem(problem as TeamProblem, contentFor('en'))).toContain('empty');
  });
});

describe('parseTeamFile: what it shows is clean', () => {
  it('removes escape sequences and a right-to-left override from a title, and warns', () => {
    const title = '\u001b[2J\u001b]0;pwned\u0007Connect\u202E to the VPN\u001b[31m\u200b';
    const file = text(variant((t) => Object.assign(t.steps[0]?.title ?? {}, { en: title })));
    const result = parseTeamFile(file);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.team.steps[0]?.title.en).toBe('Connect to the VPN');
    expect(result.warnings).toEqual([
      { kind: 'cleaned', path: ['steps', 0, 'title', 'en'], line: lineOf(file, 'pwned') },
    ]);
  });

  it('keeps line breaks in a step text but not in a title', () => {
    const result = parseTeamFile(
      text(
        variant((t) => {
          Object.assign(t.steps[0]?.title ?? {}, { en: 'Two\nlines' });
          Object.assign(t.steps[0]?.text ?? {}, { en: 'Two\r\nlines' });
        }),
      ),
    );
    expect(result.ok && [result.team.steps[0]?.title.en, result.team.steps[0]?.text?.en]).toEqual([
      'Two lines',
      'Two\nlines',
    ]);
  });

  it('quotes values and names from the file only after cleaning them', () => {
    const file = JSON.stringify({
      name: 'A',
      payer: 'self',
      '\u001b]52;c;ZXZpbA==\u0007evil\u001b[31m': 1,
      model: '\u001b[2Jx y',
    });
    const lines = problemsOf(file).map((p) => describeProblem(p, contentFor('en')));
    expect(lines).toEqual([
      'line 1, evil: is not a field of a team file',
      'line 1, model: a model name uses only letters, digits and . - _ :, not “x y”',
    ]);
    expect(lines.join('')).not.toMatch(/[\u0000-\u001f\u007f-\u009f\p{Cf}]/u);
  });

  it('warns while the starter placeholders are still in', () => {
    const file = text(
      variant((t) => Object.assign(t.organization, { id: 'org-REPLACEWITHYOURORGANIZATIONID' })),
    );
    const result = parseTeamFile(file);
    expect(result.ok && result.warnings).toEqual([
      { kind: 'placeholder', path: ['organization', 'id'], line: lineOf(file, 'org-REPLACE') },
    ]);
  });
});

describe('describeProblem', () => {
  const samples: TeamProblem[] = [
    { kind: 'syntax', line: 3, column: 5, found: '}' },
    { kind: 'syntax', line: 3, column: 5, found: '\u0001' },
    { kind: 'syntax', line: 3, column: 5 },
    { kind: 'syntax', line: 1, column: 1 },
    { kind: 'fileTooLarge', size: 70_000, max: 65_536 },
    ...INVALID.map((c) => problemsOf(c.file).find((p) => p.kind === c.problem.kind) as TeamProblem),
    { kind: 'unknownField', path: ['colour'], line: 2 },
    { kind: 'cleaned', path: ['name'], line: 2 },
    { kind: 'placeholder', path: ['organization', 'id'], line: 2 },
  ];

  it.each(['en', 'ko'] as const)('words every kind of problem in %s, with every token filled', (lang) => {
    const content = contentFor(lang);
    const kinds = new Set<string>();
    for (const problem of samples) {
      const line = describeProblem(problem, content);
      expect(line, problem.kind).not.toMatch(/\{[a-zA-Z]+\}/);
      expect(line.length, problem.kind).toBeGreaterThan(10);
      kinds.add(problem.kind);
    }
    expect(kinds.size).toBe(23);
  });

  it('says where and what, in English and in Korean', () => {
    const problem: TeamProblem = {
      kind: 'choice',
      path: ['payer'],
      line: 4,
      value: 'teams',
      allowed: ['team', 'self'],
    };
    expect(describeProblem(problem, contentFor('en'))).toBe(
      'line 4, payer: must be one of team, self, not “teams”',
    );
    expect(describeProblem(problem, contentFor('ko'))).toBe(
      '4번째 줄, payer: 다음 중 하나여야 합니다: team, self. 지금 값: “teams”',
    );
    expect(describeProblem({ kind: 'syntax', line: 2, column: 7, found: '}' }, contentFor('ko'))).toBe(
      '2번째 줄 7번째 글자: JSON 형식이 아닙니다. 이 자리에 “}” 문자가 올 수 없습니다',
    );
  });

  it('writes paths as a reader of the file would', () => {
    const en = contentFor('en');
    expect(formatPath([], en)).toBe('the file');
    expect(formatPath(['steps', 0, 'title', 'en'], en)).toBe('steps[0].title.en');
    expect(formatPath(['$schema'], en)).toBe('$schema');
    expect(formatPath(['my field'], en)).toBe('["my field"]');
  });
});

describe('describeTeam', () => {
  it('says what the file changes, in the language asked for', () => {
    const result = parseTeamFile(text(VALID));
    if (!result.ok) throw new Error('VALID must parse');
    expect(describeTeam(result.team, contentFor('en'))).toEqual([
      "Who pays: the team. Instead of the billing steps, the guide shows how to join the team's organization and project.",
      'Organization: Acme (org-uOtiSEwvUnroadaOnJJquBEC)',
      'Project: Onboarding (proj_AbCdEf0123456789abcdefGH)',
      'Model for the test call: gpt-4o-mini',
      'API address: https://llm-gateway.acme.test/v1',
      'Suggested monthly budget: $25',
      'Who to ask: Jane Kim (mailto:jane@acme.test)',
      "The team's own steps: Connect to the VPN, 사용 규칙 읽기, Join the #llm channel",
    ]);
    expect(describeTeam(result.team, contentFor('ko'))[7]).toBe(
      '팀이 추가한 단계: VPN 연결하기, 사용 규칙 읽기, Join the #llm channel',
    );
  });
});

describe('parseTeamFile: one mistake, one problem', () => {
  it('does not blame a step placed after a step whose id is broken', () => {
    const file = variant((t) => {
      Object.assign(t.steps[0] ?? {}, { id: 'v p n' });
      Object.assign(t.steps[2] ?? {}, { after: 'v p n' });
    });
    const problems = problemsOf(file);
    expect(problems.map((p) => p.kind)).toEqual(['shape']);
  });
});
