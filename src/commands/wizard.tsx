/** Starts the interactive wizard: reads saved progress, renders <App>, and turns its end into an exit code. */
import { tmpdir } from 'node:os';
import { render, renderToString } from 'ink';
import { DEFAULT_POLICY } from '../api/call-machine.js';
import { checkKey } from '../api/key-check.js';
import { DEFAULT_BASE_URL } from '../api/request.js';
import { App, type AppServices, type ExitResult } from '../app.js';
import { contentFor, fill } from '../content/content.js';
import { PRACTICE_KEY } from '../demo/practice-key.js';
import { eraseLines } from '../screens/first-frame.js';
import { progressPaths } from '../store/paths.js';
import {
  deleteProgress,
  loadProgress,
  progressWritten,
  type SavedProgress,
  saveProgress,
  toSaved,
} from '../store/progress.js';
import { openInBrowser } from '../system/browser.js';
import { copyNotice, copyText } from '../system/clipboard.js';
import { oneKeyPerRead } from '../system/key-reader.js';
import { detectShell } from '../system/shell.js';
import { onShutdown } from '../system/signals.js';
import { supportsUnicode } from '../system/terminal.js';
import { openTraceFile, type TraceFile } from '../system/trace-file.js';
import { initialState, type WizardState } from '../wizard/reducer.js';
import { STEP_IDS, stepIndex } from '../wizard/steps.js';
import type { Flags } from './args.js';
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

/**
 * Where saved progress resumes, and with which key. The key is never saved: a run saved past the api-key
 * step resumes there with `key` (OPENAI_API_KEY, or the practice key) when it passes the same local checks
 * as a typed key, and otherwise lands on the api-key step.
 */
export function resumePoint(
  saved: Pick<SavedProgress, 'step' | 'reached' | 'answers'>,
  key: string | undefined,
): { resumeFrom: Pick<WizardState, 'index' | 'reached' | 'answers'>; initialKey: string | undefined } {
  let index = stepIndex(saved.step);
  const checked = key === undefined ? undefined : checkKey(key);
  const usable = checked?.ok ? checked.key : undefined;
  const pastKey = index > stepIndex('api-key');
  if (pastKey && usable === undefined) index = stepIndex('api-key');
  return {
    resumeFrom: { index, reached: Math.max(index, stepIndex(saved.reached)), answers: saved.answers },
    initialKey: pastKey ? usable : undefined,
  };
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
    traceNotice = opened.ok
      ? fill(content.ui.debugTrace.start, { path: opened.file.path })
      : fill(content.ui.debugTrace.failed, { path: opened.path, reason: opened.reason });
  }
  if (flags.restart) {
    const removed = deleteProgress(file);
    if (!removed.ok) startNotice = fill(content.ui.storeNote.unwritable, { reason: removed.reason });
  }
  const loaded = loadProgress(file);
  let resumeFrom: Pick<WizardState, 'index' | 'reached' | 'answers'> | undefined;
  let initialKey: string | undefined;
  let canSave = true;
  if (loaded.kind === 'found' && loaded.progress.step !== 'welcome') {
    ({ resumeFrom, initialKey } = resumePoint(
      loaded.progress,
      flags.demo ? PRACTICE_KEY : env.OPENAI_API_KEY,
    ));
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
  const startDemo = async () => {
    const { startDemoServer } = await import('../demo/server.js');
    return startDemoServer({ chunkDelayMs: 60 });
  };
  const baseUrl = flags.baseUrl ?? DEFAULT_BASE_URL;
  const services: AppServices = {
    suggestedKey: flags.demo
      ? { key: PRACTICE_KEY, source: 'demo' }
      : env.OPENAI_API_KEY
        ? { key: env.OPENAI_API_KEY, source: 'env' }
        : undefined,
    call: { baseUrl, model: flags.model },
    shell: detectShell(env),
    copy: async (text, words) => copyNotice(await copyText(text, env), words),
    callPolicy: callPolicy(flags, 'wizard', DEFAULT_POLICY.creditWait),
    practice: flags.demo,
    openSession: async (key) => {
      const { openSession } = await import('../api/session.js');
      // Quit while this was loading: start nothing that would keep the process alive.
      if (finished) throw new Error('the wizard has ended');
      let root = baseUrl;
      if (flags.demo) {
        demo ??= startDemo();
        root = (await demo).baseUrl;
      }
      return openSession({
        ...callConfig(flags, env, trace?.write ?? (() => undefined)),
        baseUrl: root,
        key,
      });
    },
    saveProgress: async (state) => {
      // Not saving is reported like a failed save, so that quitting does not claim progress was saved; as the
      // sentence already on screen, so that the first save (as the guide opens) leaves the notice as it is.
      if (!canSave) return startNotice;
      const saved = await saveProgress(file, toSaved(state, STEP_IDS));
      return saved.ok
        ? undefined
        : fill(contentFor(state.locale).ui.storeNote.unwritable, { reason: saved.reason });
    },
    clearProgress: () => {
      if (canSave) void progressWritten().then(() => deleteProgress(file));
    },
    openUrl: (url, pageContent) => openInBrowser(url, env, pageContent),
  };

  const ui = {
    ascii: flags.ascii || !supportsUnicode(env),
    color: terminal.color,
    screenReader: flags.screenReader,
  };
  let result: ExitResult = { code: 0 };
  const instance = render(
    <App
      initial={initialState(flags.lang)}
      ui={ui}
      services={services}
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
          initial={{ ...initialState(flags.lang), index, reached: index }}
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
  if (result.message) process.stdout.write(`${result.message}\n`);
  if (trace) {
    trace.close();
    process.stdout.write(`${fill(contentFor(flags.lang).ui.debugTrace.end, { path: trace.path })}\n`);
  }
  return result.code;
}
