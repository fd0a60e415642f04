/** `openai-topup check`: the test call for scripts and terminals, driving the same machine as the wizard. */

import { type CallState, creditWaitFor } from '../api/call-machine.js';
import { type ExplainContext, keyProblemText } from '../api/explain.js';
import { checkKey, KEY_INPUT_CAP, keyFromInput } from '../api/key-check.js';
import type { Diagnosis } from '../api/outcomes.js';
import { type CheckResult, failureResult, localDiagnosis, resultOf } from '../api/report.js';
import { runCall } from '../api/run-call.js';
import { openSession } from '../api/session.js';
import { successLines } from '../api/summary.js';
import { usageReport } from '../api/usage-report.js';
import { asciiFold, type Content, contentFor, fill, plain } from '../content/content.js';
import { expectationOf, type TeamCall, teamCall, teamReport } from '../team/call.js';
import { allowHostMatches } from '../team/origin.js';
import type { TeamFile } from '../team/team-file.js';
import { detectShell } from '../text/shell.js';
import { toolCommand } from '../text/shell-quote.js';
import type { Flow } from '../wizard/flow.js';
import type { Flags } from './args.js';
import { callConfig, callPolicy } from './call-config.js';

/**
 * Reads at most `cap` bytes of stdin: a key or a .env file, never a runaway pipe. A pipe that stays open
 * (a writer that never closes it, a terminal) is read until `timeoutMs` and what arrived by then is used; a
 * signal stops the read at once.
 */
function readStdin(cap: number, signal: AbortSignal, timeoutMs: number): Promise<string> {
  const stdin = process.stdin;
  const chunks: Buffer[] = [];
  let total = 0;
  return new Promise<string>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      stdin.off('data', take).off('end', done).off('error', done);
      stdin.destroy();
      resolve(Buffer.concat(chunks).toString('utf8'));
    };
    const take = (chunk: Buffer) => {
      chunks.push(chunk.subarray(0, Math.max(0, cap - total)));
      total += chunk.length;
      if (total >= cap) done();
    };
    const timer = setTimeout(done, timeoutMs);
    if (signal.aborted) return done();
    signal.addEventListener('abort', done, { once: true });
    stdin.on('data', take).once('end', done).once('error', done);
  });
}

/** Progress worth telling a person, on stderr, as the machine moves. */
function progressLine(
  previous: CallState,
  state: CallState,
  content: Content,
  minutes: number,
): string | null {
  if (state.phase === 'retry-wait' && previous.phase !== 'retry-wait' && state.retrying) {
    return fill(content.check.retrying, {
      title: content.outcomes[state.retrying.diagnosis.kind].title,
      seconds: Math.max(1, Math.ceil(state.retrying.delayMs / 1000)),
    });
  }
  if (state.phase === 'credit-wait' && previous.phase !== 'credit-wait') {
    return fill(content.check.waiting, { seconds: state.secondsLeft, minutes });
  }
  if (state.modelsWarning && !previous.modelsWarning) return content.steps['test-call'].modelsWarning;
  if (state.streamRefused && !previous.streamRefused) return content.check.notStreaming;
  return null;
}

/** The line that says the key belongs where the team file said (by names where the file gives them). */
function acceptedLine(
  report: NonNullable<CheckResult['report']['team']>,
  team: TeamFile | undefined,
  content: Content,
) {
  const words = content.team.wizard;
  const vars = {
    organization: team?.organization?.name ?? report.organization ?? '',
    project: team?.project?.name ?? report.project ?? '',
  };
  if (report.organization && report.project) return fill(words.accepted, vars);
  if (report.organization) return fill(words.acceptedOrganization, vars);
  if (report.project) return fill(words.acceptedProject, vars);
  return '';
}

/** The readable summary, as text: the reply and its details (stdout), or the failure explained (stderr). */
export function summaryOf(
  result: CheckResult,
  content: Content,
  model: string,
  locale: Flags['lang'],
  practice = false,
  team?: TeamFile,
  /** The command that opens the guide this check belongs to (with --team FILE when one is in use). */
  guideCommand = 'openai-topup',
): { readonly stream: 'stdout' | 'stderr'; readonly text: string } | null {
  const { report, explanation } = result;
  // With --demo, the result says plainly that it came from the practice server.
  const practiceLine = practice ? [content.steps['test-call'].practiceResult] : [];
  if (report.ok) {
    const lines = [
      fill(content.check.okLine, { model: report.model ?? model, total: report.latencyMs?.total ?? 0 }),
      ...practiceLine,
      '',
      ...(report.reply ?? '').split('\n').map((line) => `  ${line}`),
      '',
      ...successLines(report, content, locale, result.streamRefused ?? false),
      ...(report.team?.accepted ? [acceptedLine(report.team, team, content)].filter(Boolean) : []),
    ];
    return { stream: 'stdout', text: lines.join('\n') };
  }
  if (!explanation) return null;
  const lines = [
    fill(content.check.failLine, { title: explanation.title }),
    ...practiceLine.map((line) => `  ${line}`),
    `  ${explanation.meaning}`,
    `  ${explanation.action}`,
  ];
  for (const note of explanation.notes) lines.push(`  ${note}`);
  // The line to run stands alone, unindented, so that it copies as it is.
  if (explanation.command)
    lines.push(`  ${explanation.command.intro}`, explanation.command.line, `  ${explanation.command.after}`);
  for (const link of explanation.links) lines.push(`  ${fill(content.diagnosis.linkLine, { ...link })}`);
  if (explanation.serverMessage) lines.push(`  ${content.diagnosis.serverSaid} ${explanation.serverMessage}`);
  lines.push(`  ${explanation.retry}`);
  if (explanation.step)
    lines.push(
      `  ${fill(content.check.nextStep, {
        n: explanation.step.number,
        name: explanation.step.name,
        command: guideCommand,
      })}`,
    );
  return { stream: 'stderr', text: lines.join('\n') };
}

/** Prints the readable summary where it belongs. */
function printSummary(
  result: CheckResult,
  content: Content,
  flags: Flags,
  say: (text: string) => string,
  team: TeamFile | undefined,
  model: string,
) {
  const guide = toolCommand(undefined, { team: flags.team });
  const summary = summaryOf(result, content, model, flags.lang, flags.demo, team, guide);
  if (!summary) return;
  const stream = summary.stream === 'stdout' ? process.stdout : process.stderr;
  stream.write(`${say(summary.text)}\n`);
}

/** Runs `check`; resolves with the exit code. */
export async function runCheck(flags: Flags, env: NodeJS.ProcessEnv): Promise<number> {
  // The guide's text is read when a sentence is needed: a successful `check --json` reads none.
  const text = () => contentFor(flags.lang);
  // Platform labels lose their marks in plain output; --ascii folds the symbols.
  const say = (text: string) => (flags.ascii ? asciiFold(plain(text)) : plain(text));
  // The team file (only one named with --team: `check` never finds one) and where it would send the key;
  // decided before the key is read, so that a file that cannot be used sends nothing.
  const decided = await teamFor(flags, env, text);
  if (!decided.ok) {
    process.stderr.write(`openai-topup: ${say(decided.message)}\n`);
    if (flags.json) process.stdout.write(`${JSON.stringify(usageReport(decided.message))}\n`);
    return 2;
  }
  const { team, call, flow } = decided;
  // How failures are explained: in the team's guide (its step numbers) when a team file is in use.
  const context: ExplainContext = {
    shell: detectShell(env),
    timeoutSeconds: flags.timeoutSeconds,
    ...(team && flow ? { team: expectationOf(team), flow } : {}),
  };
  const failLocal = (diagnosis: Diagnosis) => failureResult(diagnosis, text(), call.model, { context });
  // The team file's organization and project are sent over the environment's: say so where they differ.
  if (!flags.json)
    for (const variable of call.overridden)
      process.stderr.write(`${say(fill(text().team.wizard.orgDiffers, { variable }))}\n`);
  const finish = (result: CheckResult, exitCode = result.report.exitCode): number => {
    const report = {
      ...result.report,
      exitCode,
      team: team ? teamReport(team, result.report.ok) : null,
    };
    if (flags.json) process.stdout.write(`${JSON.stringify(report)}\n`);
    else printSummary({ ...result, report }, text(), flags, say, team, call.model);
    return exitCode;
  };

  // A signal ends the check with its own exit code, and still with the JSON line scripts wait for: from here
  // on, while the key is read from stdin too.
  const controller = new AbortController();
  let signalCode: number | undefined;
  const handlers = (['SIGINT', 'SIGTERM', 'SIGHUP'] as const).map((name) => {
    const handler = () => {
      signalCode = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 }[name];
      controller.abort();
    };
    process.once(name, handler);
    return [name, handler] as const;
  });
  const signal = controller.signal;
  const interrupted = () => signalCode;
  try {
    let demo: { baseUrl: string; close: () => Promise<void> } | undefined;
    let raw: string | undefined;
    let baseUrl = call.baseUrl;
    if (flags.demo) {
      const { startDemoServer, PRACTICE_KEY } = await import('../demo/server.js');
      // With a team file, the practice key belongs to its organization and project: the headers are checked.
      const owner = team && { organization: team.organization?.id, project: team.project?.id };
      demo = await startDemoServer(owner ? { keyOwner: owner } : {});
      raw = PRACTICE_KEY;
      baseUrl = demo.baseUrl;
    } else if (flags.keyStdin) {
      if (flags.debug)
        process.stderr.write(
          `[debug] reading the key from stdin: at most ${KEY_INPUT_CAP} bytes, for at most ${flags.timeoutSeconds} s\n`,
        );
      const input = await readStdin(KEY_INPUT_CAP, signal, flags.timeoutSeconds * 1000);
      const code = interrupted();
      if (code !== undefined) return finish(failLocal(localDiagnosis('interrupted')), code);
      raw = keyFromInput(input);
      if (raw === undefined)
        return finish(failLocal(localDiagnosis('key-format', text().keyCheck.envFileWithoutKey)));
    } else {
      raw = env.OPENAI_API_KEY;
    }
    if (raw === undefined || raw.trim() === '') {
      await demo?.close();
      return finish(failLocal(localDiagnosis('no-key')));
    }
    const checked = checkKey(raw);
    if (!checked.ok) {
      await demo?.close();
      const detail = keyProblemText(checked, text());
      return finish(failLocal(localDiagnosis('key-format', detail)));
    }

    const minutes = flags.waitForCreditMinutes ?? 0;
    const { state } = await runCall({
      policy: callPolicy(flags, 'check', creditWaitFor(flags.waitForCreditMinutes)),
      open: async () =>
        openSession({
          ...callConfig(flags, env),
          model: call.model,
          organization: call.organization,
          project: call.project,
          ...(call.maxCompletionTokens ? { maxCompletionTokens: call.maxCompletionTokens } : {}),
          baseUrl,
          key: checked.key,
        }),
      onChange: (now, before) => {
        const line = flags.json ? null : progressLine(before, now, text(), minutes);
        if (line) process.stderr.write(`${say(line)}\n`);
      },
      signal,
    });
    await demo?.close();
    const code = interrupted();
    if (code !== undefined) {
      return finish(failLocal(localDiagnosis('interrupted')), code);
    }
    return finish(resultOf(state, text, call.model, null, context));
  } finally {
    for (const [name, handler] of handlers) process.off(name, handler);
  }
}

/** The folder `check` runs in; `.` when it no longer exists. */
function currentFolder(): string {
  try {
    return process.cwd();
  } catch {
    return '.';
  }
}

/**
 * The team file named with --team, read and checked, and the call it makes: or the usage error that stops
 * the check before anything is sent (a file that cannot be used; another host without --allow-host naming
 * it exactly: a pull request that edits the file must not be able to move a CI secret elsewhere).
 */
async function teamFor(
  flags: Flags,
  env: NodeJS.ProcessEnv,
  text: () => Content,
): Promise<{ ok: true; team?: TeamFile; flow?: Flow; call: TeamCall } | { ok: false; message: string }> {
  const choices = {
    baseUrl: flags.baseUrl,
    model: flags.model,
    modelFromFlag: flags.modelFromFlag ?? false,
    env,
  };
  if (flags.team === undefined) return { ok: true, call: teamCall(choices, undefined) };
  // Loaded only for a team file: a check without one stays as light as a script needs.
  const [{ loadTeam }, { describeProblem, readFailure, shownPath }, { teamFlow }] = await Promise.all([
    import('../team/load.js'),
    import('../team/describe.js'),
    import('../team/flow.js'),
  ]);
  const content = text();
  const cwd = currentFolder();
  const start = loadTeam({ named: flags.team, cwd, find: false, consentFile: '' });
  const file = shownPath(start.kind === 'none' ? flags.team : start.path, cwd);
  const words = content.check;
  if (start.kind === 'broken') {
    const problems = start.failure
      ? [readFailure(start.failure, file, content.meta.locale === 'ko' ? 'ko' : 'en')]
      : start.problems.map((problem) => `  ${describeProblem(problem, content)}`);
    return { ok: false, message: [fill(words.teamBroken, { file }), ...problems].join('\n') };
  }
  if (start.kind !== 'use') return { ok: true, call: teamCall(choices, undefined) };
  const call = teamCall(choices, start.team);
  // --demo sends the key nowhere but the practice server.
  if (call.teamOrigin && !flags.demo) {
    const host = new URL(call.baseUrl).hostname;
    if (flags.allowHost === undefined)
      return { ok: false, message: fill(words.teamNeedsAllowHost, { file, origin: call.teamOrigin, host }) };
    if (!allowHostMatches(call.baseUrl, flags.allowHost))
      return { ok: false, message: fill(words.allowHostMismatch, { given: flags.allowHost, host }) };
  }
  return { ok: true, team: start.team, flow: teamFlow(start.team), call };
}
