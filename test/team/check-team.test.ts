/**
 * `check --team FILE` and `--print` with a team file, as a user runs them: the built CLI, spawned, against the
 * practice server on loopback. The yes-before-another-host rule: without `--allow-host` naming the file's host
 * exactly, nothing reaches that host.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PRACTICE_KEY } from '../../src/demo/practice-key.js';
import { type DemoServer, ELSEWHERE, startDemoServer } from '../../src/demo/server.js';
import { recordFileConsent } from '../../src/team/consent.js';
import { teamFlow } from '../../src/team/flow.js';
import { parseTeamFile, TEAM_FILE_NAME } from '../../src/team/team-file.js';
import { shellWord } from '../../src/text/shell-quote.js';
import { flowIndex } from '../../src/wizard/flow.js';
import { baseEnv, CLI, type CliResult, runCli } from '../helpers/cli.js';
import { VALID, variant } from './fixtures.js';

const ORG = VALID.organization.id;
const PROJECT = VALID.project.id;

/** A team file in a fresh folder: VALID without its gateway unless one is given. */
function teamFolder(edit: (team: Record<string, unknown>) => void = () => undefined): {
  dir: string;
  file: string;
} {
  const dir = mkdtempSync(join(tmpdir(), 'topup-team-'));
  const file = join(dir, TEAM_FILE_NAME);
  const team = variant((t) => {
    delete (t as Record<string, unknown>).baseUrl;
    edit(t);
  });
  writeFileSync(file, JSON.stringify(team, null, 2));
  return { dir, file };
}

let servers: DemoServer[] = [];
afterEach(async () => {
  await Promise.all(servers.map((server) => server.close()));
  servers = [];
});
async function server(options: Parameters<typeof startDemoServer>[0] = {}) {
  const started = await startDemoServer(options);
  servers.push(started);
  return started;
}

const keyEnv = (extra: NodeJS.ProcessEnv = {}) => baseEnv({ OPENAI_API_KEY: PRACTICE_KEY, ...extra });
const json = (stdout: string) => JSON.parse(stdout.trim().split('\n').pop() ?? '{}');

describe('check --team FILE', () => {
  it('sends the team’s organization and project, and reports them accepted', async () => {
    const api = await server({ keyOwner: { organization: ORG, project: PROJECT } });
    const { file } = teamFolder();
    const run = await runCli(['check', '--base-url', api.baseUrl, '--team', file, '--json'], {
      env: keyEnv({ OPENAI_ORG_ID: 'org-fromTheEnvironment000000', OPENAI_PROJECT_ID: 'proj_env' }),
    });
    expect(run.code).toBe(0);
    expect(json(run.stdout)).toMatchObject({
      ok: true,
      organization: ORG,
      team: { name: VALID.name, organization: ORG, project: PROJECT, accepted: true },
    });
    // Both requests carried the file's ids, not the environment's.
    expect(api.requests.map((r) => [r.organization, r.project])).toEqual([
      [ORG, PROJECT],
      [ORG, PROJECT],
    ]);
  });

  it('warns when OPENAI_ORG_ID or OPENAI_PROJECT_ID says otherwise than the team file', async () => {
    const api = await server({ keyOwner: { organization: ORG, project: PROJECT } });
    const { file } = teamFolder();
    const run = await runCli(['check', '--base-url', api.baseUrl, '--team', file], {
      env: keyEnv({ OPENAI_ORG_ID: 'org-fromTheEnvironment000000', OPENAI_PROJECT_ID: PROJECT }),
    });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain("OPENAI_ORG_ID differs from the team file's; the team file's is sent.");
    expect(run.stderr).not.toContain('OPENAI_PROJECT_ID');
  });

  it('says so in words when the call is accepted (both languages)', async () => {
    const api = await server({ keyOwner: { organization: ORG, project: PROJECT } });
    const { file } = teamFolder();
    const en = await runCli(['check', '--base-url', api.baseUrl, '--team', file], { env: keyEnv() });
    expect(en.stdout).toContain("Accepted with the team's organization (Acme) and project (Onboarding).");
    const ko = await runCli(['check', '--base-url', api.baseUrl, '--team', file, '--lang', 'ko'], {
      env: keyEnv(),
    });
    expect(ko.stdout).toContain('팀의 조직(Acme)과 프로젝트(Onboarding)로 호출에 성공했습니다.');
  });

  it('explains a key from another organization: which one the team expects, and whom to ask', async () => {
    const api = await server({ scenario: 'wrong-organization' });
    const { file } = teamFolder();
    const run = await runCli(['check', '--base-url', api.baseUrl, '--team', file, '--json'], {
      env: keyEnv(),
    });
    const report = json(run.stdout);
    expect(run.code).toBe(report.exitCode);
    expect(report).toMatchObject({
      ok: false,
      kind: 'organization',
      error: { code: 'mismatched_organization' },
      team: { organization: ORG, accepted: false },
    });
    expect(report.error.message).toContain(`Acme (ID ${ORG})`);
    expect(report.error.message).toContain('Jane Kim');
    // The headers came from the file: there is no variable to unset.
    expect(report.error.message).not.toContain('unset');
  });

  it('words a refusal that points at the project as likely, in Korean too', async () => {
    const api = await server({ scenario: 'wrong-project' });
    const { file } = teamFolder();
    const en = await runCli(['check', '--base-url', api.baseUrl, '--team', file], { env: keyEnv() });
    expect(en.stderr).toContain(`probably points at the project: your team's is Onboarding (ID ${PROJECT})`);
    const ko = await runCli(['check', '--base-url', api.baseUrl, '--team', file, '--lang', 'ko'], {
      env: keyEnv(),
    });
    expect(ko.stderr).toContain(`원인은 프로젝트로 보입니다. 팀의 프로젝트(Onboarding, ID ${PROJECT})`);
  });

  it('meets a practice server that checks the headers against the key’s owner', async () => {
    const api = await server({ keyOwner: { organization: ORG, project: PROJECT } });
    const other = await runCli(['check', '--base-url', api.baseUrl, '--json'], {
      env: keyEnv({ OPENAI_ORG_ID: 'org-fromTheEnvironment000000' }),
    });
    expect(json(other.stdout)).toMatchObject({
      kind: 'organization',
      error: { code: 'mismatched_organization' },
    });
    const project = await runCli(['check', '--base-url', api.baseUrl, '--json'], {
      env: keyEnv({ OPENAI_PROJECT_ID: 'proj_fromTheEnvironment00000' }),
    });
    expect(json(project.stdout)).toMatchObject({
      kind: 'organization',
      error: { code: 'mismatched_project' },
    });
    const none = await runCli(['check', '--base-url', api.baseUrl, '--json'], { env: keyEnv() });
    expect(json(none.stdout)).toMatchObject({ ok: true, organization: ORG });
  });

  it('is accepted by a key from elsewhere when no team file names an organization', async () => {
    const api = await server({ scenario: 'wrong-organization' });
    const run = await runCli(['check', '--base-url', api.baseUrl, '--json'], { env: keyEnv() });
    expect(json(run.stdout)).toMatchObject({ ok: true, organization: ELSEWHERE.organization, team: null });
  });

  it('never finds a team file by itself', async () => {
    const api = await server();
    const { dir } = teamFolder();
    const run = await runCli(['check', '--base-url', api.baseUrl, '--json'], { env: keyEnv(), cwd: dir });
    expect(json(run.stdout)).toMatchObject({ ok: true, team: null });
    expect(api.requests.every((r) => r.organization === null && r.project === null)).toBe(true);
  });
});

describe('a team file that sends the key to another host', () => {
  it('sends nothing without --allow-host, and says which host to allow (exit 2, both languages)', async () => {
    const api = await server();
    const { file } = teamFolder((t) => Object.assign(t, { baseUrl: api.baseUrl }));
    const en = await runCli(['check', '--team', file, '--json'], { env: keyEnv() });
    expect(en.code).toBe(2);
    const report = json(en.stdout);
    expect(report).toMatchObject({ ok: false, kind: 'usage', exitCode: 2 });
    expect(report.error.message).toContain(`http://127.0.0.1:${api.port}`);
    expect(report.error.message).toContain('--allow-host 127.0.0.1');
    const ko = await runCli(['check', '--team', file, '--lang', 'ko'], { env: keyEnv() });
    expect(ko.code).toBe(2);
    expect(ko.stderr).toContain('아무것도 보내지 않았습니다');
    expect(api.requests).toEqual([]);
  });

  it('sends nothing when --allow-host names another host, a parent domain or a prefix', async () => {
    const api = await server();
    const { file } = teamFolder((t) => Object.assign(t, { baseUrl: api.baseUrl }));
    for (const host of ['127.0.0.2', 'localhost', '127.0.0', `127.0.0.1:${api.port}`]) {
      const run = await runCli(['check', '--team', file, '--allow-host', host], { env: keyEnv() });
      expect(run.code, host).toBe(2);
    }
    expect(api.requests).toEqual([]);
  });

  it('sends the key there with --allow-host naming exactly its host', async () => {
    const api = await server();
    const { file } = teamFolder((t) => Object.assign(t, { baseUrl: api.baseUrl }));
    const run = await runCli(['check', '--team', file, '--allow-host', '127.0.0.1', '--json'], {
      env: keyEnv(),
    });
    expect(run.code).toBe(0);
    expect(api.requests.length).toBeGreaterThan(0);
  });

  it('needs no --allow-host when the user chose the root (--base-url beats the file)', async () => {
    const api = await server();
    const { file } = teamFolder((t) => Object.assign(t, { baseUrl: 'https://llm-gateway.acme.test/v1' }));
    const run = await runCli(['check', '--base-url', api.baseUrl, '--team', file, '--json'], {
      env: keyEnv(),
    });
    expect(run.code).toBe(0);
  });
});

describe('a team file that cannot be used', () => {
  it('lists every problem, exits 2 and sends nothing', async () => {
    const api = await server();
    const { file } = teamFolder((t) => Object.assign(t, { name: 5, payer: 'teams' }));
    const run = await runCli(['check', '--base-url', api.baseUrl, '--team', file, '--json'], {
      env: keyEnv(),
    });
    expect(run.code).toBe(2);
    const message: string = json(run.stdout).error.message;
    expect(message).toContain('name: must be a text, not a number');
    expect(message).toContain('payer: must be one of');
    expect(api.requests).toEqual([]);
  });

  it('a key that fails the local checks names the team guide’s key step and how to open that guide', async () => {
    const { file } = teamFolder((t) => Object.assign(t, { language: 'en' }));
    const run = await runCli(['check', '--team', file], { env: keyEnv({ OPENAI_API_KEY: 'sk-proj-cut' }) });
    expect(run.code).toBe(3);
    const parsed = parseTeamFile(readFileSync(file, 'utf8'));
    if (!parsed.ok) throw new Error('the fixture must be valid');
    const flow = teamFlow(parsed.team);
    const step = flowIndex(flow, 'api-key') + 1;
    expect(step).not.toBe(12);
    expect(run.stderr).toContain(`Fix: step ${step} (`);
    expect(run.stderr).toContain(`of the interactive guide: openai-topup --team ${shellWord(file)}`);
  });

  it('names a missing file', async () => {
    const run = await runCli(['check', '--team', join(tmpdir(), 'no-such-team.json')], { env: keyEnv() });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('no-such-team.json');
  });
});

describe('--print with a team file', () => {
  it('prints the team’s guide, in the file’s language unless --lang says otherwise', async () => {
    const { file } = teamFolder();
    const ko = await runCli(['--print', '--team', file]);
    expect(ko.code).toBe(0);
    expect(ko.stdout).toContain('VPN 연결하기');
    expect(ko.stdout).toContain('Acme 초대 수락하기');
    expect(ko.stdout).not.toContain('Add payment details');
    const en = await runCli(['--print', '--team', file, '--lang', 'en']);
    expect(en.stdout).toContain('Connect to the VPN');
    expect(en.stdout).toContain('Accept the invitation to Acme');
    expect(en.stdout).toContain(`Organization: Acme (${ORG})`);
  });

  it("indents every line of a team's text: a line of it never stands alone like the guide's commands", async () => {
    const { file } = teamFolder((t) => {
      const steps = t.steps as Array<Record<string, unknown>>;
      const first = steps[0] ?? {};
      first.text = {
        en: 'Ask IT for access.\n\ncurl -fsSL https://setup.acme.test/x | sh\nhttps://evil.acme.test',
      };
    });
    const run = await runCli(['--print', '--team', file, '--lang', 'en']);
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines).toContain('   Ask IT for access.');
    expect(lines).toContain('   curl -fsSL https://setup.acme.test/x | sh');
    expect(lines).toContain('   https://evil.acme.test');
    expect(lines.filter((line) => line.startsWith('curl -fsSL'))).toEqual([]);
  });

  it('prints the test as the team runs it: check --team with the file, and a curl with its headers and cap', async () => {
    // Run in the file's folder: the path is shown as the user would type it there (relative to where they are).
    const { dir, file } = teamFolder();
    const run = await runCli(['--print', '--team', file, '--lang', 'en'], { cwd: dir });
    expect(run.stdout).toContain(`\nopenai-topup check --team "${TEAM_FILE_NAME}"\n`);
    expect(run.stdout).toContain('curl "https://api.openai.com/v1/chat/completions" \\');
    expect(run.stdout).toContain(
      `    -H "OpenAI-Organization: ${ORG}" \\\n    -H "OpenAI-Project: ${PROJECT}" \\\n`,
    );
    expect(run.stdout).toContain('"max_completion_tokens": 64');
    const personal = await runCli(['--print', '--lang', 'en'], { env: baseEnv() });
    expect(personal.stdout).toContain('\nopenai-topup check\n');
    expect(personal.stdout).not.toContain('OpenAI-Organization');
    expect(personal.stdout).not.toContain('max_completion_tokens');
  });

  it('uses a found file only after the yes the wizard keeps; says so on stderr before', async () => {
    const { dir, file } = teamFolder();
    const env = baseEnv();
    const before = await runCli(['--print', '--lang', 'en'], { env, cwd: dir });
    expect(before.stdout).not.toContain('Connect to the VPN');
    expect(before.stderr).toContain('it is not used until you say yes');
    const { createHash } = await import('node:crypto');
    const { readFileSync } = await import('node:fs');
    const hash = createHash('sha256').update(readFileSync(file)).digest('hex');
    const consent = join(env.XDG_CONFIG_HOME ?? '', 'openai-topup', 'team-consent.json');
    expect(recordFileConsent(consent, { path: file, hash })).toEqual({ ok: true });
    const after = await runCli(['--print', '--lang', 'en'], { env, cwd: dir });
    expect(after.stdout).toContain('Connect to the VPN');
  });

  it('stops with every problem when the named file cannot be used', async () => {
    const { file } = teamFolder((t) => Object.assign(t, { name: 5 }));
    const run = await runCli(['--print', '--team', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('name: must be a text, not a number');
  });
});

/** Runs the CLI from a folder removed just before it starts: process.cwd() then throws (ENOENT, uv_cwd). */
function runInRemovedFolder(args: readonly string[], env: NodeJS.ProcessEnv): Promise<CliResult> {
  const dir = join(mkdtempSync(join(tmpdir(), 'topup-gone-')), 'here');
  mkdirSync(dir);
  const child = spawn(
    '/bin/sh',
    ['-c', 'cd "$0" && rmdir "$0" && exec "$@"', dir, process.execPath, CLI, ...args],
    {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`did not end: ${stdout}${stderr}`));
    }, 15_000);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

describe('a team file named from a folder that no longer exists', () => {
  it('check --json with the file by its full path: the call is made, one JSON line', async () => {
    const api = await server({ keyOwner: { organization: ORG, project: PROJECT } });
    const { file } = teamFolder();
    const run = await runInRemovedFolder(
      ['check', '--json', '--base-url', api.baseUrl, '--team', file],
      keyEnv(),
    );
    expect(run.stdout.trimEnd().split('\n')).toHaveLength(1);
    expect(json(run.stdout)).toMatchObject({ ok: true, team: { accepted: true } });
    expect(run.code).toBe(0);
  });

  it('check --json with a relative path: one JSON line, exit 2, nothing sent', async () => {
    const api = await server();
    const run = await runInRemovedFolder(
      ['check', '--json', '--base-url', api.baseUrl, '--team', TEAM_FILE_NAME],
      keyEnv(),
    );
    expect(run.stdout.trimEnd().split('\n')).toHaveLength(1);
    expect(json(run.stdout)).toMatchObject({ ok: false, kind: 'usage', exitCode: 2 });
    expect(run.code).toBe(2);
    expect(api.requests).toEqual([]);
  });

  it('--print and team check with the full path work; team init says it could not write, exit 2', async () => {
    const { file } = teamFolder();
    const printed = await runInRemovedFolder(['--print', '--lang', 'en', '--team', file], baseEnv());
    expect(printed.stdout).toContain('Connect to the VPN');
    expect(printed.code).toBe(0);
    const checked = await runInRemovedFolder(['team', 'check', file, '--lang', 'en'], baseEnv());
    expect(checked.stdout).toContain('Acme Research');
    expect(checked.code).toBe(0);
    const init = await runInRemovedFolder(['team', 'init', '--lang', 'en'], baseEnv());
    expect(init.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(init.stderr).toContain(TEAM_FILE_NAME);
    expect(init.code).toBe(2);
  });
});
