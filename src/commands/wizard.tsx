/** Starts the interactive wizard: reads saved progress, renders <App>, and turns its end into an exit code. */
import { tmpdir } from 'node:os';
import { render, renderToString } from 'ink';
import { DEFAULT_POLICY } from '../api/call-machine.js';
import { usableKey } from '../api/key-check.js';
import { DEFAULT_BASE_URL } from '../api/request.js';
import { App, type AppServices, type ExitResult } from '../app.js';
import type { TeamInUse } from '../app-services.js';
import { commandLines, proseLines, trailingCommand } from '../components/prose-wrap.js';
import { contentFor, fill } from '../content/content.js';
import { PRACTICE_KEY } from '../demo/practice-key.js';
import { eraseLines } from '../screens/first-frame.js';
import { progressPaths } from '../store/paths.js';
import { deleteProgress, loadProgress, progressWritten, saveProgress, toSaved } from '../store/progress.js';
import { openInBrowser } from '../system/browser.js';
import { copyNotice, copyText } from '../system/clipboard.js';
import { oneKeyPerRead } from '../system/key-reader.js';
import { onShutdown } from '../system/signals.js';
import { supportsUnicode } from '../system/terminal.js';
import { openTraceFile, type TraceFile } from '../system/trace-file.js';
import { teamCall } from '../team/call.js';
import { consentPath, hasOriginConsent, recordFileConsent, recordOriginConsent } from '../team/consent.js';
import { shownPath } from '../team/describe.js';
import { teamFlow } from '../team/flow.js';
import { loadTeam } from '../team/load.js';
import { cleanText } from '../text/sanitize.js';
import { urlPassword } from '../text/secrets.js';
import { detectShell } from '../text/shell.js';
import { toolCommand } from '../text/shell-quote.js';
import { type Flow, PERSONAL_FLOW } from '../wizard/flow.js';
import { initialState, type WizardState } from '../wizard/reducer.js';
import { resumeOn } from '../wizard/resume.js';
import { DEFAULT_TIMEOUT_SECONDS, type Flags } from './args.js';
import { callConfig, callPolicy } from './call-config.js';

/**
 * The terminal for Ink: the real stdout, except that Ink's first frame first erases the static welcome
 * frame cli.ts drew, in the same write, so the switch cannot be seen.
 */
function replacingFirstFrame(stdout: NodeJS.WriteStream, lines: number | undefined): NodeJS.WriteStream {
  if (!lines) return stdout;
  let erase = eraseLines(lines);
  return new Proxy(stdout, {
    get(target, property) {
      if (property === 'write') {
        return (data: unknown, ...rest: unknown[]) => {
          let chunk = data;
          if (erase && typeof chunk === 'string' && chunk.includes('\n')) {
            chunk = erase + chunk;
            erase = '';
          }
          return (target.write as (...args: unknown[]) => boolean)(chunk, ...rest);
        };
      }
      const value = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** The current folder, or undefined when it no longer exists (process.cwd() throws then). */
function startFolder(): string | undefined {
  try {
    return process.cwd();
  } catch {
    return undefined;
  }
}

/** What cli.ts decided about the terminal before the wizard loaded. */
export type WizardTerminal = {
  /** Lines of the static first frame to erase, if cli.ts drew one. */
  readonly firstFrameLines?: number;
  /** Colour on: decided once in cli.ts (terminal.ts colorLevel), as chalk was told. */
  readonly color: boolean;
};

/** Runs the wizard until the user quits; resolves with the exit code. */
export async function runWizard(
  flags: Flags,
  env: NodeJS.ProcessEnv,
  terminal: WizardTerminal,
): Promise<number> {
  const content = contentFor(flags.lang);
  const paths = progressPaths(env);
  const file = flags.demo ? paths.demo : paths.progress;
  let startNotice: string | undefined;
  // --debug: the trace goes to a file the first screen names, never under Ink's frame.
  let trace: TraceFile | undefined;
  let traceNotice: string | undefined;
  if (flags.debug) {
    const opened = openTraceFile(tmpdir());
    if (opened.ok) trace = opened.file;
    // The folder comes from the environment (TMPDIR): its name is shown inert.
    traceNotice = opened.ok
      ? fill(content.ui.debugTrace.start, { path: cleanText(opened.file.path) })
      : fill(content.ui.debugTrace.failed, { path: cleanText(opened.path), reason: opened.reason });
  }
  if (flags.restart) {
    const removed = deleteProgress(file);
    if (!removed.ok) startNotice = fill(content.ui.storeNote.unwritable, { reason: removed.reason });
  }
  const loaded = loadProgress(file);
  const saved = loaded.kind === 'found' && loaded.progress.step !== 'welcome' ? loaded.progress : undefined;

  // The team file: named with --team, or found here or at the repository's root (used only after a yes).
  const envDir = startFolder();
  const consentFile = consentPath(env);
  const teamStart = loadTeam({
    ...(flags.team !== undefined ? { named: flags.team } : {}),
    cwd: envDir ?? '.',
    find: envDir !== undefined,
    consentFile,
  });
  const shown = (path: string) => shownPath(path, envDir ?? '.');
  const team: TeamInUse | undefined =
    teamStart.kind === 'use'
      ? { path: shown(teamStart.path), hash: teamStart.hash, file: teamStart.team }
      : undefined;
  const teamOffer =
    teamStart.kind === 'ask' || teamStart.kind === 'broken'
      ? { ...teamStart, path: shown(teamStart.path) }
      : undefined;
  // The real path the team file's answers are kept under (the one shown may be relative).
  const teamPath = teamStart.kind === 'none' ? undefined : teamStart.path;
  const flow: Flow = team ? teamFlow(team.file) : PERSONAL_FLOW;

  // Language: --lang, else the one saved with progress, else the team file's, else the environment's (CLI.md).
  const locale = flags.langFromFlag ? flags.lang : (saved?.locale ?? team?.file.language ?? flags.lang);
  let resumeFrom: Pick<WizardState, 'index' | 'reached' | 'answers'> | undefined;
  let initialKey: string | undefined;
  let canSave = true;
  // Saved progress is offered on the guide this run walks; a step that guide does not have is not offered.
  if (saved) {
    const point = resumeOn(flow, saved, usableKey(flags.demo ? PRACTICE_KEY : env.OPENAI_API_KEY));
    resumeFrom = point?.resumeFrom;
    initialKey = point?.initialKey;
  } else if (loaded.kind === 'corrupt') {
    startNotice = fill(content.ui.storeNote.corrupt, { reason: loaded.reason });
  } else if (loaded.kind === 'foreign') {
    // Another program's file is not ours to overwrite.
    startNotice = content.ui.storeNote.foreign;
    canSave = false;
  } else if (loaded.kind === 'unusable') {
    // Not a regular file (a folder, a FIFO, a device): never opened, never written.
    const note = content.ui.storeNote;
    startNotice = fill(note.unusable, { what: note.kinds[loaded.what] });
    canSave = false;
  }

  let finished = false;
  // The practice server starts with the first test call, not before: the first screen stays light.
  let demo: Promise<{ baseUrl: string; close: () => Promise<void> }> | undefined;
  const startDemo = async (inUse: TeamInUse | undefined) => {
    const { startDemoServer } = await import('../demo/server.js');
    // The practice key belongs to the team's organization and project: the server checks the headers.
    const owner = inUse && { organization: inUse.file.organization?.id, project: inUse.file.project?.id };
    return startDemoServer({ chunkDelayMs: 60, ...(owner ? { keyOwner: owner } : {}) });
  };
  // The .env goes in the folder the wizard was started from, as it was then (envDir). Practice mode writes
  // nothing: its key works only with the practice server.
  const choices = {
    baseUrl: flags.baseUrl,
    model: flags.model,
    modelFromFlag: flags.modelFromFlag ?? false,
    env,
  };
  const services: AppServices = {
    suggestedKey: flags.demo
      ? { key: PRACTICE_KEY, source: 'demo' }
      : env.OPENAI_API_KEY
        ? { key: env.OPENAI_API_KEY, source: 'env' }
        : undefined,
    call: { baseUrl: flags.baseUrl ?? DEFAULT_BASE_URL, model: flags.model },
    ...(team ? { team } : {}),
    acceptTeam: (accepted) => {
      // Remembered by the file's real path and the hash of what was shown; a failure only means asking again.
      if (teamPath) recordFileConsent(consentFile, { path: teamPath, hash: accepted.hash });
    },
    callFor: (inUse) => {
      const call = teamCall(choices, inUse?.file);
      // The practice server is the only place --demo sends anything: no origin to agree to.
      const origin = !flags.demo && teamPath && call.teamOrigin;
      return {
        baseUrl: call.baseUrl,
        model: call.model,
        overridden: call.overridden,
        ...(call.maxCompletionTokens ? { maxCompletionTokens: call.maxCompletionTokens } : {}),
        curl: call.curl,
        ...(origin
          ? {
              origin: {
                origin,
                granted: () => hasOriginConsent(consentFile, { path: teamPath, origin }),
                grant: () => void recordOriginConsent(consentFile, { path: teamPath, origin }),
              },
            }
          : {}),
      };
    },
    shell: detectShell(env),
    // What continues this run: the flags that change the call, and a team file named with --team (a found one
    // is found again). A base URL with a password in it is left out: the line is printed.
    continueCommand: toolCommand(undefined, {
      demo: flags.demo,
      team: flags.team,
      baseUrl: !flags.demo && flags.baseUrl && !urlPassword(flags.baseUrl) ? flags.baseUrl : undefined,
      model: flags.modelFromFlag ? flags.model : undefined,
      timeoutSeconds: flags.timeoutSeconds !== DEFAULT_TIMEOUT_SECONDS ? flags.timeoutSeconds : undefined,
    }),
    copy: async (text, words) => copyNotice(await copyText(text, env), words),
    callPolicy: callPolicy(flags, 'wizard', DEFAULT_POLICY.creditWait),
    practice: flags.demo,
    openSession: async (key, inUse) => {
      const { openSession } = await import('../api/session.js');
      // Quit while this was loading: start nothing that would keep the process alive.
      if (finished) throw new Error('the wizard has ended');
      const call = teamCall(choices, inUse?.file);
      let root = call.baseUrl;
      if (flags.demo) {
        demo ??= startDemo(inUse);
        root = (await demo).baseUrl;
      }
      return openSession({
        ...callConfig(flags, env, trace?.write ?? (() => undefined)),
        model: call.model,
        organization: call.organization,
        project: call.project,
        ...(call.maxCompletionTokens ? { maxCompletionTokens: call.maxCompletionTokens } : {}),
        baseUrl: root,
        key,
      });
    },
    saveProgress: async (state) => {
      // Not saving is reported like a failed save, so that quitting does not claim progress was saved; as the
      // sentence already on screen, so that the first save (as the guide opens) leaves the notice as it is.
      if (!canSave) return startNotice;
      const saved = await saveProgress(file, toSaved(state));
      return saved.ok
        ? undefined
        : fill(contentFor(state.locale).ui.storeNote.unwritable, { reason: saved.reason });
    },
    clearProgress: () => {
      if (canSave) void progressWritten().then(() => deleteProgress(file));
    },
    openUrl: (url, pageContent) => openInBrowser(url, env, pageContent),
    ...(flags.demo
      ? {}
      : {
          envFile: {
            // Loaded on the first `e`, not with the first screen.
            plan: async (key, extra) => {
              const { planEnvFile } = await import('../store/env-file.js');
              if (envDir === undefined)
                return { kind: 'refused', reason: 'noFolder', path: env.PWD ?? '.', detail: 'ENOENT' };
              return planEnvFile({ dir: envDir, key, env, ...(extra ? { extra } : {}) });
            },
            apply: async (plan, options) =>
              (await import('../store/env-file.js')).applyEnvFile(plan, options),
          },
        }),
  };

  const ui = {
    ascii: flags.ascii || !supportsUnicode(env),
    color: terminal.color,
    screenReader: flags.screenReader,
  };
  let result: ExitResult = { code: 0 };
  const instance = render(
    <App
      initial={{ ...initialState(locale), flow }}
      ui={ui}
      services={services}
      {...(teamOffer ? { teamOffer } : {})}
      languageFixed={Boolean(flags.langFromFlag || saved)}
      startNotice={[startNotice, traceNotice].filter(Boolean).join('\n') || undefined}
      resumeFrom={resumeFrom}
      initialKey={initialKey}
      onExit={(value) => {
        result = value;
      }}
    />,
    {
      stdout: replacingFirstFrame(process.stdout, terminal.firstFrameLines),
      stdin: oneKeyPerRead(process.stdin),
      exitOnCtrlC: false,
      patchConsole: false,
      // Draw a keypress's screen at once: Ink's default 30 fps can hold a frame back by up to 33 ms.
      maxFps: 120,
      isScreenReaderEnabled: flags.screenReader,
    },
  );
  const release = onShutdown((code) => {
    result = { code };
    instance.unmount();
  });
  // Once the first screen is up, while the user reads it, draw the next two once off-screen: the first draw of each kind
  // of screen compiles its code and fills Ink's text caches (about 30 ms) that the first keypresses would
  // otherwise wait for.
  const warm = setTimeout(() => {
    for (const index of [1, 2]) {
      renderToString(
        <App
          initial={{ ...initialState(locale), flow, index, reached: index }}
          ui={ui}
          onExit={() => undefined}
        />,
        { columns: process.stdout.columns || 80 },
      );
    }
  }, 50);
  await instance.waitUntilExit();
  clearTimeout(warm);
  finished = true;
  release();
  await progressWritten();
  await demo?.then((server) => server.close());
  // The last words are wrapped to the terminal as a screen would be: no line wider than it.
  // Ink's screen-reader output ends without a line break: start on a line of our own.
  let lead = flags.screenReader ? '\n' : '';
  const say = (text: string) => {
    // A command it ends with starts a line of its own and breaks only between arguments, with a backslash.
    const { sentence, command } = trailingCommand(text);
    const lines = proseLines(sentence, process.stdout.columns || 80, { color: true }).map((line) =>
      line.trimEnd(),
    );
    const width = process.stdout.columns || 80;
    const after = command ? commandLines(command, width) : [];
    process.stdout.write(`${lead}${[...lines, ...after].join('\n')}\n`);
    lead = '';
  };
  if (result.message) say(result.message);
  if (trace) {
    trace.close();
    // Not wrapped: a path is one token, and a line broken inside it would not copy back.
    const path = cleanText(trace.path);
    process.stdout.write(`${lead}${fill(contentFor(flags.lang).ui.debugTrace.end, { path })}\n`);
  }
  return result.code;
}
