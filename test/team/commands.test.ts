import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runTeamCheck, runTeamInit } from '../../src/commands/team.js';
import { parseTeamFile, TEAM_FILE_NAME } from '../../src/team/team-file.js';
import { VALID } from './fixtures.js';

const dir = () => realpathSync(mkdtempSync(join(tmpdir(), 'topup-team-cmd-')));
const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\p{Cf}]/u;

const BROKEN = [
  '{',
  '  "name": "Acme",',
  '  "payer": "teams",',
  '  "model": "gpt 4o",',
  '  "steps": [{ "id": "vpn", "after": "login", "title": { "en": "VPN" }, "url": "http://wiki.acme.test" }]',
  '}',
].join('\n');

describe('team check', () => {
  it('checks the file found in the current folder and says what it changes', () => {
    const cwd = dir();
    writeFileSync(join(cwd, TEAM_FILE_NAME), JSON.stringify(VALID, null, 2));
    const out = runTeamCheck({ cwd, lang: 'en' });
    expect(out).toEqual({
      code: 0,
      stderr: '',
      stdout: [
        '✓ A valid team file: openai-topup.team.json (Acme Research)',
        "  Who pays: the team. Instead of the billing steps, the guide shows how to join the team's organization and project.",
        '  Organization: Acme (org-uOtiSEwvUnroadaOnJJquBEC)',
        '  Project: Onboarding (proj_AbCdEf0123456789abcdefGH)',
        '  Model for the test call: gpt-4o-mini',
        '  API address: https://llm-gateway.acme.test/v1',
        '  Suggested monthly budget: $25',
        '  Who to ask: Jane Kim (mailto:jane@acme.test)',
        "  The team's own steps: Connect to the VPN, 사용 규칙 읽기, Join the #llm channel",
        '',
      ].join('\n'),
    });
  });

  it('finds the file in the repository root and names it relative to where the user is', () => {
    const root = dir();
    mkdirSync(join(root, '.git'));
    mkdirSync(join(root, 'app'));
    writeFileSync(join(root, TEAM_FILE_NAME), JSON.stringify(VALID));
    const out = runTeamCheck({ cwd: join(root, 'app'), lang: 'en' });
    expect(out.code).toBe(0);
    expect(out.stdout.split('\n')[0]).toBe('✓ A valid team file: ../openai-topup.team.json (Acme Research)');
  });

  it('lists every problem, one a line, then a summary, and exits 2', () => {
    const cwd = dir();
    writeFileSync(join(cwd, 'team.json'), BROKEN);
    expect(runTeamCheck({ file: 'team.json', cwd, lang: 'en' })).toEqual({
      code: 2,
      stderr: '',
      stdout: [
        'line 3, payer: must be one of team, self, not “teams”',
        'line 4, model: a model name uses only letters, digits and . - _ :, not “gpt 4o”',
        'line 5, steps[0].url: must be an https:// address, not “http://wiki.acme.test”',
        '✗ 3 problems in team.json; it is not used until they are fixed.',
        '',
      ].join('\n'),
    });
  });

  it('lists them in Korean', () => {
    const cwd = dir();
    writeFileSync(join(cwd, 'team.json'), BROKEN);
    expect(runTeamCheck({ file: 'team.json', cwd, lang: 'ko' }).stdout.split('\n')).toEqual([
      '3번째 줄, payer: 다음 중 하나여야 합니다: team, self. 지금 값: “teams”',
      '4번째 줄, model: 모델 이름에는 영문자, 숫자, . - _ :만 쓸 수 있습니다. 지금 값: “gpt 4o”',
      '5번째 줄, steps[0].url: https:// 주소여야 합니다. 지금 값: “http://wiki.acme.test”',
      '✗ team.json에 문제가 3개 있습니다. 모두 고치기 전에는 이 파일을 쓰지 않습니다.',
      '',
    ]);
  });

  it('gives a syntax error its line and column, in both languages', () => {
    const cwd = dir();
    writeFileSync(join(cwd, TEAM_FILE_NAME), '{\n  "name": "Acme",\n}\n');
    expect(runTeamCheck({ cwd, lang: 'en' }).stdout).toBe(
      'line 3, column 1: not valid JSON: “}” cannot stand here\n✗ 1 problem in openai-topup.team.json; it is not used until fixed.\n',
    );
    expect(runTeamCheck({ cwd, lang: 'ko' }).stdout.split('\n')[0]).toBe(
      '3번째 줄 1번째 글자: JSON 형식이 아닙니다. 이 자리에 “}” 문자가 올 수 없습니다',
    );
  });

  it('passes a file with only warnings, and shows them', () => {
    const cwd = dir();
    runTeamInit({ cwd, lang: 'en' });
    const out = runTeamCheck({ cwd, lang: 'en' });
    expect(out.code).toBe(0);
    expect(out.stdout.split('\n').slice(0, 3)).toEqual([
      "warning: line 7, organization.id: is still the starter file's example; put your own id here",
      "warning: line 11, project.id: is still the starter file's example; put your own id here",
      '✓ A valid team file: openai-topup.team.json (Our team)',
    ]);
  });

  it('says on stderr when there is no file to check', () => {
    const cwd = dir();
    const out = runTeamCheck({ cwd, lang: 'en' });
    expect(out.code).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toBe(
      `No team file here: there is no openai-topup.team.json in ${cwd} or in the repository's root. Name one (openai-topup team check FILE), or write a starter (openai-topup team init).\n`,
    );
    expect(runTeamCheck({ cwd, lang: 'ko' }).stderr).toContain('팀 파일이 없습니다.');
  });

  it.each([
    ['a missing file', (_cwd: string) => undefined, 'team.json: there is no such file.'],
    [
      'a folder',
      (cwd: string) => mkdirSync(join(cwd, 'team.json')),
      'team.json: not a regular file (a folder, a pipe or a device), so it was not opened.',
    ],
    [
      'a FIFO',
      (cwd: string) => execFileSync('mkfifo', [join(cwd, 'team.json')]),
      'team.json: not a regular file (a folder, a pipe or a device), so it was not opened.',
    ],
    [
      'a file over 64 KB',
      (cwd: string) => writeFileSync(join(cwd, 'team.json'), ' '.repeat(70_000)),
      'team.json: 70,000 bytes; a team file may have at most 65,536.',
    ],
  ])('refuses %s in one line, exit 2', (_name, make, line) => {
    const cwd = dir();
    make(cwd);
    expect(runTeamCheck({ file: 'team.json', cwd, lang: 'en' })).toEqual({
      code: 2,
      stdout: '',
      stderr: `${line}\n`,
    });
  });

  it('prints nothing unsafe from a hostile file or file name', () => {
    const cwd = dir();
    const name = 'team\u001b]0;pwned\u0007\u202e.json';
    writeFileSync(
      join(cwd, name),
      JSON.stringify({
        name: '\u001b[2JAcme',
        payer: 'self',
        '\u001b[31mx': 1,
        steps: [{ id: 'a', after: 'login', title: { en: '\u009b2Jhi' }, url: 'https://\u202ewiki.test' }],
      }),
    );
    const out = runTeamCheck({ file: name, cwd, lang: 'en' });
    expect(out.code).toBe(2);
    expect(out.stdout).not.toMatch(UNSAFE);
    expect(out.stdout).toContain('team.json');
  });

  it('folds symbols to ASCII when asked', () => {
    const cwd = dir();
    writeFileSync(join(cwd, TEAM_FILE_NAME), JSON.stringify(VALID));
    expect(runTeamCheck({ cwd, lang: 'en', ascii: true }).stdout).toMatch(/^v A valid team file/);
  });
});

describe('team init', () => {
  it.each(['en', 'ko'] as const)('writes a starter file that validates (%s)', (lang) => {
    const cwd = dir();
    const out = runTeamInit({ cwd, lang });
    expect(out.code).toBe(0);
    expect(out.stderr).toBe('');
    expect(out.stdout.split('\n').filter(Boolean)).toHaveLength(1);
    const written = readFileSync(join(cwd, TEAM_FILE_NAME), 'utf8');
    const parsed = parseTeamFile(written);
    expect(parsed.ok).toBe(true);
    expect(parsed.ok && parsed.team.language).toBe(lang);
    expect(parsed.ok && parsed.team.steps[0]?.title).toEqual({
      en: 'Read our API usage policy',
      ko: '팀 API 사용 규칙 읽기',
    });
  });

  it('says what to do next, in the language asked for', () => {
    expect(runTeamInit({ cwd: dir(), lang: 'en' }).stdout).toBe(
      'Wrote openai-topup.team.json. Put your organization id (Settings → Organization → General) and project id (Settings → Project → General) in it, then check it: openai-topup team check\n',
    );
    expect(runTeamInit({ cwd: dir(), lang: 'ko' }).stdout).toContain('파일을 만들었습니다.');
  });

  it('refuses to overwrite a file, in one line, exit 2, and leaves it as it was', () => {
    const cwd = dir();
    writeFileSync(join(cwd, TEAM_FILE_NAME), 'ours');
    expect(runTeamInit({ cwd, lang: 'en' })).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'openai-topup.team.json already exists, so it was left as it is. Check it with: openai-topup team check\n',
    });
    expect(readFileSync(join(cwd, TEAM_FILE_NAME), 'utf8')).toBe('ours');
  });

  it('fails as a value where it cannot write', () => {
    const base = dir();
    writeFileSync(join(base, 'not-a-folder'), '');
    const out = runTeamInit({ cwd: join(base, 'not-a-folder'), lang: 'en' });
    expect(out).toEqual({
      code: 2,
      stdout: '',
      stderr: 'Could not write openai-topup.team.json (ENOTDIR).\n',
    });
  });
});
