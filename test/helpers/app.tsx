/** Renders <App> in a sized fake terminal and records how it ended; in-process test calls. */
import { type CallPolicy, DEFAULT_POLICY } from '../../src/api/call-machine.js';
import { type CheckResult, resultOf } from '../../src/api/report.js';
import { runCall } from '../../src/api/run-call.js';
import { openSession, type Session, type SessionConfig } from '../../src/api/session.js';
import { App, type AppServices, type ExitResult } from '../../src/app.js';
import { contentFor } from '../../src/content/content.js';
import type { Locale } from '../../src/content/locale.js';
import type { TeamOffer } from '../../src/screens/team-screen.js';
import { initialState, type WizardState } from '../../src/wizard/reducer.js';
import { type RenderOptions, render } from './render.js';

/** Options for one rendered wizard. */
export type AppOptions = RenderOptions & {
  locale?: Locale;
  /** Start at this state instead of the welcome screen. */
  state?: Partial<WizardState>;
  ascii?: boolean;
  color?: boolean;
  services?: AppServices;
  resumeFrom?: Pick<WizardState, 'index' | 'reached' | 'answers'>;
  /** The key a resume past the api-key step starts with. */
  initialKey?: string;
  startNotice?: string;
  /** A team file found and not agreed to, or one that cannot be used: asked about first. */
  teamOffer?: TeamOffer;
};

/** Renders the wizard; `exit()` tells how it ended, once it has. */
export function renderApp(options: AppOptions = {}) {
  let ended: ExitResult | undefined;
  const initial = { ...initialState(options.locale ?? 'en'), ...options.state };
  const rendered = render(
    <App
      initial={initial}
      ui={{
        ascii: options.ascii ?? false,
        color: options.color ?? true,
        screenReader: options.screenReader ?? false,
      }}
      services={options.services}
      resumeFrom={options.resumeFrom}
      initialKey={options.initialKey}
      startNotice={options.startNotice}
      {...(options.teamOffer ? { teamOffer: options.teamOffer } : {})}
      onExit={(result) => {
        ended = result;
      }}
    />,
    options,
  );
  return { ...rendered, exit: () => ended };
}

/** A session factory for the wizard's services: the test call against `baseUrl` (a practice server). */
export function sessionTo(
  baseUrl: string,
  extra: Partial<SessionConfig> = {},
): (key: string) => Promise<Session> {
  return async (key) => openSession({ baseUrl, key, model: 'gpt-4o-mini', transport: { env: {} }, ...extra });
}

/** A policy for tests: no confirmation, short waits unless given. */
export function testPolicy(extra: Partial<CallPolicy> = {}): CallPolicy {
  return { ...DEFAULT_POLICY, timeoutMs: 10_000, confirmBeforeChat: false, ...extra };
}

/** The whole check in-process, as `check` runs it: the machine driven to its end against a session. */
export async function checkAgainst(
  config: Omit<SessionConfig, 'model' | 'transport'> & Partial<Pick<SessionConfig, 'model' | 'transport'>>,
  policy: Partial<CallPolicy> = {},
  onChange?: Parameters<typeof runCall>[0]['onChange'],
): Promise<CheckResult> {
  const model = config.model ?? 'gpt-4o-mini';
  const { state } = await runCall({
    policy: testPolicy(policy),
    open: async () => openSession({ model, transport: { env: {} }, ...config }),
    onChange,
  });
  return resultOf(state, () => contentFor('en'), model);
}
