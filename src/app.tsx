/** <App>: owns the wizard reducer, picks the screen for the current step, and makes the only exit() call. */
import { Box, Text, useApp, useInput } from 'ink';
import { type ReactNode, useEffect, useReducer, useRef, useState } from 'react';
import { DEFAULT_POLICY } from './api/call-machine.js';
import { DEFAULT_BASE_URL } from './api/request.js';
import type { AppServices } from './app-services.js';
import { UiContext, type UiOptions } from './components/ui-options.js';
import { type Content, contentFor, fill } from './content/content.js';
import { warmNumberFormats } from './content/numbers.js';
import { type KeyListener, KeyListenersContext, WizardControlsContext } from './hooks/use-screen-keys.js';
import { useTerminalSize } from './hooks/use-terminal-size.js';
import { AmountScreen } from './screens/amount-screen.js';
import { ApiKeyScreen } from './screens/api-key-screen.js';
import { AutoRechargeScreen } from './screens/auto-recharge-screen.js';
import { ChoiceScreen } from './screens/choice-screen.js';
import { DoneScreen } from './screens/done-screen.js';
import { GuideScreen } from './screens/guide-screen.js';
import { HelpOverlay } from './screens/help-overlay.js';
import { ResumeScreen } from './screens/resume-screen.js';
import { StepList } from './screens/step-list.js';
import { TestCallScreen } from './screens/test-call-screen.js';
import { type WizardAction, type WizardState, wizardReducer } from './wizard/reducer.js';

export type { AppServices } from './app-services.js';

import { STEPS, type Step, stepAt } from './wizard/steps.js';

/** How the wizard ended: the exit code and a line to print once the screen is gone. */
export type ExitResult = { readonly code: number; readonly message?: string };

type Props = {
  readonly initial: WizardState;
  readonly ui: Omit<UiOptions, 'columns' | 'rows'>;
  readonly services?: AppServices;
  /** A one-line note for the first screen (e.g. why saved progress was not used). */
  readonly startNotice?: string;
  /** Saved progress to offer: continue there, or start over. */
  readonly resumeFrom?: Pick<WizardState, 'index' | 'reached' | 'answers'>;
  /** The key to resume with past the api-key step (OPENAI_API_KEY, checked): in memory only, never saved. */
  readonly initialKey?: string;
  readonly onExit: (result: ExitResult) => void;
};

const MIN_COLUMNS = 40;
const MIN_ROWS = 15;
/** From this width the step list stays open beside the screen. */
const SIDE_LIST_COLUMNS = 100;

/** The whole wizard. Pure in its props: no argv, no environment, no network. */
export function App({ initial, ui, services = {}, startNotice, resumeFrom, initialKey, onExit }: Props) {
  const { exit } = useApp();
  const [state, dispatch] = useReducer(wizardReducer, initial);
  const [notice, setNotice] = useState<string | undefined>(startNotice);
  const [offer, setOffer] = useState(resumeFrom);
  // The key lives here, in memory, for this run only: never in the reducer's state, never saved.
  const [apiKey, setApiKey] = useState<string | undefined>(initialKey);
  const { columns, rows } = useTerminalSize();
  const tooSmall = columns < MIN_COLUMNS || (rows !== undefined && rows < MIN_ROWS);
  const content = contentFor(state.locale);
  const step = stepAt(state.index);
  const stateRef = useRef(state);
  stateRef.current = state;

  // The amount screen formats numbers on every keypress; build the formats while the user reads.
  useEffect(() => {
    const timer = setTimeout(() => warmNumberFormats(state.locale), 200);
    return () => clearTimeout(timer);
  }, [state.locale]);

  const saveNotice = useRef<string | undefined>(undefined);
  const finished = useRef(false);
  useEffect(() => {
    // While the resume offer is open, the saved file is what is offered: leave it as it is.
    if (offer || finished.current) return;
    void services.saveProgress?.(state).then((problem) => {
      // Say once that saving fails, not on every move.
      if (problem && !saveNotice.current) {
        saveNotice.current = problem;
        setNotice(problem);
      }
    });
  }, [state, services, offer]);

  // The notice belongs to the screen it was shown on.
  const shownOn = useRef(state.index);
  useEffect(() => {
    if (shownOn.current !== state.index) {
      shownOn.current = state.index;
      setNotice(undefined);
    }
  }, [state.index]);

  const finish = (result: ExitResult) => {
    onExit(result);
    exit();
  };
  const position = () => ({ n: stateRef.current.index + 1, total: STEPS.length });
  const quit = () => {
    const text = contentFor(stateRef.current.locale).ui;
    finish({ code: 0, message: fill(saveNotice.current ? text.quitNotSaved : text.quitSaved, position()) });
  };

  const finishGuide = () => {
    finished.current = true;
    services.clearProgress?.();
    finish({ code: 0, message: contentFor(stateRef.current.locale).ui.finished });
  };

  // Ctrl+C is ours (Ink's is off): leave the screen cleanly and exit 130, progress kept.
  // The one subscription to Ink's input: Ctrl+C here, every other key to the handlers mounted now.
  const listeners = useRef(new Set<KeyListener>()).current;
  useInput((input, key) => {
    if (key.ctrl && input === 'c') {
      finish({ code: 130, message: fill(contentFor(stateRef.current.locale).ui.interrupted, position()) });
      return;
    }
    // Too small to draw: no screen is there to take keys, and q still quits (CLI.md).
    if (tooSmall) {
      if (input === 'q') quit();
      return;
    }
    // Who takes the key is decided before any handler runs: one key must not act twice, once on the phase it
    // ends and again on the phase it starts.
    const takers = [...listeners].filter((listener) => listener.current.isActive());
    for (const listener of takers) listener.current.handler(input, key);
  });

  const openPage = () => {
    const url = stepAt(stateRef.current.index).url;
    if (!url) return setNotice(content.ui.browser.noPage);
    if (!services.openUrl) return;
    void services.openUrl(url, content).then(setNotice);
  };

  const controls = {
    dispatch: (action: WizardAction) => dispatch(action),
    openPage,
    quit,
    finish: finishGuide,
    active: state.overlay === 'none',
  };

  const uiOptions: UiOptions = { ...ui, columns, rows: rows ?? 24 };
  if (tooSmall) {
    return (
      <UiContext.Provider value={uiOptions}>
        <Text wrap="wrap">{fill(content.ui.tooSmall, { cols: columns, rows: rows ?? '?' })}</Text>
      </UiContext.Provider>
    );
  }

  if (offer) {
    const choose = (resume: boolean) => {
      if (resume) dispatch({ type: 'resume', ...offer });
      setOffer(undefined);
    };
    return (
      <KeyListenersContext.Provider value={listeners}>
        <UiContext.Provider value={uiOptions}>
          <WizardControlsContext.Provider value={controls}>
            <ResumeScreen content={content} index={offer.index} onChoose={choose} />
          </WizardControlsContext.Provider>
        </UiContext.Provider>
      </KeyListenersContext.Provider>
    );
  }

  const sideList = columns >= SIDE_LIST_COLUMNS && !ui.screenReader;
  const closeOverlay = () => dispatch({ type: 'close-overlay' });
  const mainWidth = sideList ? columns - 30 : columns;
  const screen = (
    <StepScreen
      key={step.id}
      step={step}
      state={state}
      content={content}
      notice={notice}
      services={services}
      apiKey={apiKey}
      onApiKey={setApiKey}
      onNotice={setNotice}
    />
  );
  let overlay: ReactNode = null;
  if (state.overlay === 'help') overlay = <HelpOverlay content={content} onClose={closeOverlay} />;
  if (state.overlay === 'steps') {
    overlay = (
      <StepList
        state={state}
        content={content}
        interactive
        onGo={(id) => dispatch({ type: 'go-to', step: id })}
        onClose={closeOverlay}
      />
    );
  }
  // An overlay hides the screen without unmounting it: a test call's result is still there when it closes.
  const main = (
    <>
      <Box display={overlay ? 'none' : 'flex'} flexDirection="column">
        {screen}
      </Box>
      {overlay}
    </>
  );
  return (
    <KeyListenersContext.Provider value={listeners}>
      <UiContext.Provider value={{ ...uiOptions, columns: mainWidth }}>
        <WizardControlsContext.Provider value={controls}>
          <Box flexDirection="row" width={columns}>
            <Box flexDirection="column" width={mainWidth}>
              {main}
            </Box>
            {sideList && state.overlay !== 'steps' ? (
              <Box flexDirection="column" marginLeft={2} width={28}>
                <StepList
                  state={state}
                  content={content}
                  interactive={false}
                  onGo={() => undefined}
                  onClose={() => undefined}
                />
              </Box>
            ) : null}
          </Box>
        </WizardControlsContext.Provider>
      </UiContext.Provider>
    </KeyListenersContext.Provider>
  );
}

type StepScreenProps = {
  readonly step: Step;
  readonly state: WizardState;
  readonly content: Content;
  readonly notice: string | undefined;
  readonly services: AppServices;
  readonly apiKey: string | undefined;
  readonly onApiKey: (key: string) => void;
  readonly onNotice: (notice: string) => void;
};

/** The screen for a step's kind, given only what that screen uses. */
function StepScreen({ step, state, content, notice, services, apiKey, onApiKey, onNotice }: StepScreenProps) {
  const base = { step, content, notice };
  const copy = services.copy
    ? (text: string) => services.copy?.(text, content) ?? Promise.resolve('')
    : undefined;
  switch (step.kind) {
    case 'intro':
    case 'guide':
      return <GuideScreen {...base} plannedAmount={state.answers.amount} />;
    case 'choice':
      return <ChoiceScreen {...base} accountType={state.answers.accountType} />;
    case 'amount':
      return <AmountScreen {...base} locale={state.locale} amount={state.answers.amount} />;
    case 'auto-recharge':
      return <AutoRechargeScreen {...base} saved={state.answers.autoRecharge} />;
    case 'api-key':
      return <ApiKeyScreen {...base} suggested={services.suggestedKey} apiKey={apiKey} onApiKey={onApiKey} />;
    case 'test-call':
      return (
        <TestCallScreen
          {...base}
          locale={state.locale}
          apiKey={apiKey}
          openSession={services.openSession}
          call={services.call ?? { baseUrl: DEFAULT_BASE_URL, model: 'gpt-4o-mini' }}
          policy={services.callPolicy ?? DEFAULT_POLICY}
          practice={services.practice ?? false}
          copy={copy}
          onNotice={onNotice}
        />
      );
    case 'done':
      return <DoneScreen {...base} shell={services.shell} copy={copy} onNotice={onNotice} />;
  }
}
