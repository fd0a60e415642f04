/** Starts the interactive wizard: reads saved progress, renders <App>, and turns its end into an exit code. */
import { render, renderToString } from 'ink';
import { DEFAULT_POLICY } from '../api/call-machine.js';
import { DEFAULT_BASE_URL } from '../api/request.js';
import { App, type AppServices, type ExitResult } from '../app.js';
import { contentFor, fill } from '../content/content.js';
import { PRACTICE_KEY } from '../demo/practice-key.js';
import { eraseLines } from '../screens/first-frame.js';
import { progressPaths } from '../store/paths.js';
import { deleteProgress, loadProgress, progressWritten, saveProgress, toSaved } from '../store/progress.js';
import { openInBrowser } from '../system/browser.js';
import { copyToClipboard } from '../system/clipboard.js';
import { detectShell } from '../system/shell.js';
import { onShutdown } from '../system/signals.js';
import { colorDisabled, supportsUnicode } from '../system/terminal.js';
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
 * Splits what was typed while the wizard loaded into single keys. Ink reads a whole buffered chunk as one
 * input (a paste), so two Enters typed during start-up would arrive as the text "\r\r" and be lost; keys
 * typed before the terminal went raw arrive as "\n". Only the first read is split: later pastes stay whole.
 */
export function splitStartupInput(chunk: string): string[] {
  const keys =
    chunk.match(
      /\u001b\[[0-?]*[ -/]*[@-~]|\u001bO.|\u001b[\s\S]?|[\u0000-\u001f\u007f]|[^\u0000-\u001f\u007f\u001b]+/g,
    ) ?? [];
  return keys.map((key) => (key === '\n' ? '\r' : key));
}

/** The keyboard for Ink: the real stdin, with the keys typed during start-up handed over one at a time. */
function keysFromStartup(stdin: NodeJS.ReadStream): NodeJS.ReadStream {
  const queue: string[] = [];
  let first = true;
  return new Proxy(stdin, {
    get(target, property) {
      if (property === 'read') {
        return (...args: unknown[]) => {
          if (queue.length > 0) return queue.shift();
          const chunk = (target.read as (...a: unknown[]) => unknown)(...args);
          if (first && typeof chunk === 'string') {
            first = false;
            queue.push(...splitStartupInput(chunk));
            return queue.shift() ?? null;
          }
          return chunk;
        };
      }
      const value = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** Runs the wizard until the user quits; resolves with the exit code. */
export async function runWizard(
  flags: Flags,
  env: NodeJS.ProcessEnv,
  firstFrameLines?: number,
): Promise<number> {
  const content = contentFor(flags.lang);
  const paths = progressPaths(env);
  const file = flags.demo ? paths.demo : paths.progress;
  let startNotice: string | undefined;
  if (flags.restart) {
    const removed = deleteProgress(file);
    if (!removed.ok) startNotice = fill(content.ui.storeNote.unwritable, { reason: removed.reason });
  }
  const loaded = loadProgress(file);
  let resumeFrom: Pick<WizardState, 'index' | 'reached' | 'answers'> | undefined;
  let canSave = true;
  if (loaded.kind === 'found' && loaded.progress.step !== 'welcome') {
    let index = stepIndex(loaded.progress.step);
    // The key is never saved: a run that stopped at the test call starts again at the key.
    const hasKey = flags.demo || Boolean(env.OPENAI_API_KEY);
    if (!hasKey && index > stepIndex('api-key')) index = stepIndex('api-key');
    resumeFrom = {
      index,
      reached: Math.max(index, stepIndex(loaded.progress.reached)),
      answers: loaded.progress.answers,
    };
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
    copy: async (text, words) =>
      copyToClipboard(text, env) ? words.steps['test-call'].copied : words.steps['test-call'].copyUnsupported,
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
      return openSession({ ...callConfig(flags, env), baseUrl: root, key });
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
    color: !colorDisabled(env),
    screenReader: flags.screenReader,
  };
  let result: ExitResult = { code: 0 };
  const instance = render(
    <App
      initial={initialState(flags.lang)}
      ui={ui}
      services={services}
      startNotice={startNotice}
      resumeFrom={resumeFrom}
      onExit={(value) => {
        result = value;
      }}
    />,
    {
      stdout: replacingFirstFrame(process.stdout, firstFrameLines),
      stdin: keysFromStartup(process.stdin),
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
  return result.code;
}
