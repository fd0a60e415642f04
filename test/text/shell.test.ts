/** The done step's shell lines: the key's placeholder, then a team's API root and project, safe in each shell. */
import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KEY_PLACEHOLDER, keepKeyLine, type Shell } from '../../src/text/shell.js';
import { fuzzParams } from '../helpers/fuzz.js';

const SHELLS: readonly Shell[] = ['bash', 'zsh', 'fish', 'powershell', 'cmd'];
const TEAM = { baseUrl: 'https://llm-gateway.acme.test/v1', projectId: 'proj_AbCdEf0123456789abcdefGH' };

/** Runs POSIX lines in sh and prints the variables they set. */
function setBySh(lines: string): Record<string, string> {
  const run = spawnSync(
    'sh',
    ['-c', `${lines}\nprintf '%s\\0' "$OPENAI_API_KEY" "$OPENAI_BASE_URL" "$OPENAI_PROJECT_ID"`],
    {
      encoding: 'utf8',
      env: { PATH: process.env.PATH },
    },
  );
  const [key, base, project] = run.stdout.split('\0');
  return {
    status: String(run.status),
    stderr: run.stderr,
    key: key ?? '',
    base: base ?? '',
    project: project ?? '',
  };
}

describe('keepKeyLine', () => {
  it('is the key line alone without a team', () => {
    for (const shell of SHELLS) {
      const keep = keepKeyLine(shell);
      expect(keep.count).toBe(1);
      expect(keep.line).not.toContain('\n');
      expect(keep.line).toContain(KEY_PLACEHOLDER);
    }
  });

  it.each([
    [
      'bash',
      [
        'export OPENAI_BASE_URL="https://llm-gateway.acme.test/v1"',
        `export OPENAI_PROJECT_ID="${TEAM.projectId}"`,
      ],
    ],
    [
      'fish',
      [
        'set -gx OPENAI_BASE_URL "https://llm-gateway.acme.test/v1"',
        `set -gx OPENAI_PROJECT_ID "${TEAM.projectId}"`,
      ],
    ],
    [
      'powershell',
      [
        '[Environment]::SetEnvironmentVariable("OPENAI_BASE_URL", "https://llm-gateway.acme.test/v1", "User")',
        `[Environment]::SetEnvironmentVariable("OPENAI_PROJECT_ID", "${TEAM.projectId}", "User")`,
      ],
    ],
    [
      'cmd',
      [
        'setx OPENAI_BASE_URL "https://llm-gateway.acme.test/v1"',
        `setx OPENAI_PROJECT_ID "${TEAM.projectId}"`,
      ],
    ],
  ] as const)('adds a team’s API root and project for %s, in its own syntax', (shell, lines) => {
    const keep = keepKeyLine(shell, TEAM);
    expect(keep.count).toBe(3);
    expect(keep.line.split('\n').slice(1)).toEqual(lines);
  });

  it('sets exactly the values in sh, whatever they hold, and runs nothing else (generated)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), (base, project) => {
        fc.pre(!base.includes('\0') && !project.includes('\0'));
        const keep = keepKeyLine('bash', { baseUrl: base, projectId: project });
        for (const lines of [keep.line, keep.narrow])
          expect(setBySh(lines)).toEqual({ status: '0', stderr: '', key: KEY_PLACEHOLDER, base, project });
      }),
      fuzzParams(40),
    );
  });

  it('has a narrow form with each value on its own line, for a 40-column screen', () => {
    const keep = keepKeyLine('bash', TEAM);
    expect(keep.narrow.split('\n')).toEqual([
      'export OPENAI_API_KEY="paste-key-here"',
      'export OPENAI_BASE_URL=\\',
      '"https://llm-gateway.acme.test/v1"',
      'export OPENAI_PROJECT_ID=\\',
      `"${TEAM.projectId}"`,
    ]);
    expect(Math.max(...keep.narrow.split('\n').map((line) => line.length))).toBeLessThanOrEqual(40);
  });

  it('leaves out of cmd a value it cannot quote', () => {
    const keep = keepKeyLine('cmd', { baseUrl: 'https://x.test/%PATH%/v1', projectId: TEAM.projectId });
    expect(keep.count).toBe(2);
    expect(keep.line).not.toContain('%PATH%');
  });
});
