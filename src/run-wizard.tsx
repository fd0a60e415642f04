/** Starts the interactive wizard: reads saved progress, renders <App>, and turns its end into an exit code. */
import { render } from 'ink';
import pkg from '../package.json' with { type: 'json' };
import { DEFAULT_BASE_URL } from './api/request.js';
import { App, type AppServices, type ExitResult } from './app.js';
import type { Flags } from './args.js';
import { copyToClipboard } from './clipboard.js';
import { contentFor, fill } from './content/content.js';
import { PRACTICE_KEY } from './demo/practice-key.js';
import { openInBrowser } from './open-page.js';
import { detectShell } from './shell.js';
import { progressPaths } from './store/paths.js';
import { deleteProgress, loadProgress, saveProgress, toSaved } from './store/progress.js';
import { colorDisabled, supportsUnicode } from './terminal.js';
import { initialState, type WizardState } from './wizard/reducer.js';
import { STEP_IDS, stepIndex } from './wizard/steps.js';

/** Runs the wizard until the user quits; resolves with the exit code. */
export async function runWizard(flags: Flags, env: NodeJS.ProcessEnv): Promise<number> {
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
  }

  // The practice server starts with the first test call, not before: the first screen stays light.
  let demo: Promise<{ baseUrl: string; close: () => Promise<void> }> | undefined;
  const startDemo = async () => {
    const { startDemoServer } = await import('./demo/server.js');
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
    copy: (text) => copyToClipboard(text, env),
    openSession: async (key) => {
      const { openSession } = await import('./api/test-call.js');
      let root = baseUrl;
      if (flags.demo) {
        demo ??= startDemo();
        root = (await demo).baseUrl;
      }
      return openSession({
        baseUrl: root,
        key,
        model: flags.model,
        timeoutMs: flags.timeoutSeconds * 1000,
        organization: env.OPENAI_ORG_ID || undefined,
        project: env.OPENAI_PROJECT_ID || undefined,
        transport: { env },
        userAgent: `openai-topup/${pkg.version}`,
        debug: flags.debug ? (line) => process.stderr.write(`[debug] ${line}\n`) : undefined,
      });
    },
    saveProgress: (state) => {
      if (!canSave) return undefined;
      const saved = saveProgress(file, toSaved(state, STEP_IDS));
      return saved.ok
        ? undefined
        : fill(contentFor(state.locale).ui.storeNote.unwritable, { reason: saved.reason });
    },
    clearProgress: () => {
      if (canSave) deleteProgress(file);
    },
    openUrl: (url, pageContent) => openInBrowser(url, env, pageContent),
  };

  let result: ExitResult = { code: 0 };
  const instance = render(
    <App
      initial={initialState(flags.lang)}
      ui={{
        ascii: flags.ascii || !supportsUnicode(env),
        color: !colorDisabled(env),
        screenReader: flags.screenReader,
      }}
      services={services}
      startNotice={startNotice}
      resumeFrom={resumeFrom}
      onExit={(value) => {
        result = value;
      }}
    />,
    { exitOnCtrlC: false, patchConsole: false, isScreenReaderEnabled: flags.screenReader },
  );
  const onTerm = () => {
    result = { code: 143 };
    instance.unmount();
  };
  process.once('SIGTERM', onTerm);
  process.once('SIGHUP', onTerm);
  await instance.waitUntilExit();
  process.off('SIGTERM', onTerm);
  process.off('SIGHUP', onTerm);
  await demo?.then((server) => server.close());
  if (result.message) process.stdout.write(`${result.message}\n`);
  return result.code;
}
