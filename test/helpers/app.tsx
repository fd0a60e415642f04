/** Renders <App> in a sized fake terminal and records how it ended. */
import { type CallConfig, openSession, type Session } from '../../src/api/test-call.js';
import { App, type AppServices, type ExitResult } from '../../src/app.js';
import type { Locale } from '../../src/content/locale.js';
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
  startNotice?: string;
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
      startNotice={options.startNotice}
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
  extra: Partial<CallConfig> = {},
): (key: string) => Promise<Session> {
  return async (key) =>
    openSession({ baseUrl, key, model: 'gpt-4o-mini', timeoutMs: 10_000, transport: { env: {} }, ...extra });
}
