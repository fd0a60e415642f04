/** <App>: owns the wizard reducer, picks the screen for the current step, and makes the only exit() call. */
import { Box, type Key, Text, useApp, useInput } from 'ink';
import { type ReactNode, useEffect, useReducer, useRef, useState } from 'react';
import { DEFAULT_POLICY } from './api/call-machine.js';
import { DEFAULT_BASE_URL } from './api/request.js';
import type { AppServices, TeamInUse } from './app-services.js';
import { ProgressBar } from './components/progress-bar.js';
import { proseLines } from './components/prose-wrap.js';
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
import { SIDE_LIST_WIDTH, StepList } from './screens/step-list.js';
import { type TeamOffer, TeamScreen } from './screens/team-screen.js';
import { TestCallScreen } from './screens/test-call-screen.js';
import { expectationOf, keyNeighbours } from './team/call.js';
import { teamFlow } from './team/flow.js';
import { toolCommand } from './text/shell-quote.js';
import { type WizardAction, type WizardState, wizardReducer } from './wizard/reducer.js';

export type { AppServices } from './app-services.js';

import { type FlowStep, flowIndex, flowStepAt, stepText } from './wizard/flow.js';

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
  /** A team file found and not agreed to yet, or one that cannot be used: asked about before anything else. */
  readonly teamOffer?: TeamOffer;
  /** --lang was given: a team file's language does not replace it. */
  readonly languageFixed?: boolean;
  /** The key to resume with past the api-key step (OPENAI_API_KEY, checked): in memory only, never saved. */
  readonly initialKey?: string;
  readonly onExit: (result: ExitResult) => void;
};

const MIN_COLUMNS = 40;
const MIN_ROWS = 15;
/** From this width the step list stays open beside the screen. */
const SIDE_LIST_COLUMNS = 100;

/** The whole wizard. Pure in its props: no argv, no environment, no network. */
export function App({
  initial,
  ui,
  services = {},
  startNotice,
  resumeFrom,
  teamOffer: firstTeamOffer,
  languageFixed = false,
  initialKey,
  onExit,
}: Props) {
  const { exit } = useApp();
  const [state, dispatch] = useReducer(wizardReducer, initial);
  const [notice, setNotice] = useState<string | undefined>(startNotice);
  const [offer, setOffer] = useState(resumeFrom);
  const [teamOffer, setTeamOffer] = useState(firstTeamOffer);
  // The team file in use: named, agreed to before, or agreed to on the first screen.
  const [team, setTeam] = useState(services.team);
  // The key lives here, in memory, for this run only: never in the reducer's state, never saved.
  const [apiKey, setApiKey] = useState<string | undefined>(initialKey);
  const { columns, rows } = useTerminalSize();
  const tooSmall = columns < MIN_COLUMNS || (rows !== undefined && rows < MIN_ROWS);
  const content = contentFor(state.locale);
  const step = flowStepAt(state.flow, state.index);
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

  // The notice belongs to the screen it was shown on; one handed on (why the test call sent the user back
  // here) is shown on the next. Every move goes through `act`, which swaps them.
  const handedOn = useRef<string | undefined>(undefined);

  const finish = (result: ExitResult) => {
    onExit(result);
    exit();
  };
  // While the resume offer is open, the saved step is where the progress file stands.
  const offerRef = useRef(offer);
  offerRef.current = offer;
  const position = () => ({
    n: (offerRef.current?.index ?? stateRef.current.index) + 1,
    total: stateRef.current.flow.steps.length,
    // The command that continues there: practice progress is kept apart, and a team file is named again.
    command:
      services.continueCommand ?? toolCommand(undefined, { demo: services.practice, team: team?.path }),
  });
  const quit = () => {
    const text = contentFor(stateRef.current.locale).ui;
    finish({ code: 0, message: fill(saveNotice.current ? text.quitNotSaved : text.quitSaved, position()) });
  };

  const finishGuide = () => {
    finished.current = true;
    services.clearProgress?.();
    finish({
      code: 0,
      message: fill(contentFor(stateRef.current.locale).ui.finished, {
        command: toolCommand('check', { team: team?.path }),
      }),
    });
  };

  // Ctrl+C is ours (Ink's is off): leave the screen cleanly and exit 130, progress kept.
  // The one subscription to Ink's input: Ctrl+C here, every other key to the handlers mounted now.
  const listeners = useRef(new Set<KeyListener>()).current;
  const deliver = (input: string, key: Key) => {
    if (held.current) {
      held.current.push({ input, key });
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
  };
  useInput((input, key) => {
    if (key.ctrl && input === 'c') {
      finish({ code: 130, message: fill(contentFor(stateRef.current.locale).ui.interrupted, position()) });
      return;
    }
    deliver(input, key);
  });
  // An answer to a question asked before the guide (the team file, the resume offer) puts another screen up.
  // Keys that came in the same burst (`y Enter Enter`) are held until that screen is drawn and then handed to
  // it in order, as if typed after it appeared: none is lost to the question's screen.
  const held = useRef<{ input: string; key: Key }[] | null>(null);
  const holdKeys = () => {
    held.current ??= [];
  };
  const holding = () => held.current;
  useEffect(() => {
    const keys = held.current;
    if (!keys) return;
    held.current = null;
    for (const [index, { input, key }] of keys.entries()) {
      deliver(input, key);
      // That key answered another question: the rest wait for its screen in turn.
      const again = holding();
      if (again) {
        again.push(...keys.slice(index + 1));
        return;
      }
    }
  });

  const openPage = () => {
    const url = flowStepAt(stateRef.current.flow, stateRef.current.index).url;
    if (!url) return setNotice(content.ui.browser.noPage);
    if (!services.openUrl) return;
    void services.openUrl(url, content).then(setNotice);
  };

  // A key that changes what is on screen (another step, an overlay, the language): the keys after it in the
  // same burst wait until that view is drawn and listening, then act on it as if typed after it appeared
  // (CLI.md, Keys). A key that changes nothing holds nothing back.
  const act = (action: WizardAction) => {
    const next = wizardReducer(stateRef.current, action);
    if (next !== stateRef.current) holdKeys();
    // Another step: its notice (or none) is drawn with it, in the same frame, not one frame later.
    if (next.index !== stateRef.current.index) {
      setNotice(handedOn.current);
      handedOn.current = undefined;
    }
    // A notice is a sentence in the language it was made in: another language drops it, in the same frame.
    if (action.type === 'switch-locale' || action.type === 'set-locale') setNotice(undefined);
    dispatch(action);
  };

  const controls = {
    dispatch: act,
    openPage,
    quit,
    finish: finishGuide,
    active: state.overlay === 'none',
    overlay: state.overlay,
    flow: state.flow,
  };

  const uiOptions: UiOptions = { ...ui, columns, rows: rows ?? 24 };
  if (tooSmall) {
    return (
      <UiContext.Provider value={uiOptions}>
        <Text wrap="wrap">
          {proseLines(fill(content.ui.tooSmall, { cols: columns, rows: rows ?? '?' }), columns, ui).join(
            '\n',
          )}
        </Text>
      </UiContext.Provider>
    );
  }

  if (teamOffer) {
    const chooseTeam = (useTeam: boolean) => {
      holdKeys();
      if (useTeam && teamOffer.kind === 'ask') {
        const inUse = { path: teamOffer.path, hash: teamOffer.hash, file: teamOffer.team };
        services.acceptTeam?.(inUse);
        setTeam(inUse);
        dispatch({ type: 'set-flow', flow: teamFlow(teamOffer.team) });
        if (teamOffer.team.language && !languageFixed)
          dispatch({ type: 'set-locale', locale: teamOffer.team.language });
      }
      setTeamOffer(undefined);
    };
    return (
      <KeyListenersContext.Provider value={listeners}>
        <UiContext.Provider value={uiOptions}>
          <WizardControlsContext.Provider value={controls}>
            <TeamScreen
              content={content}
              offer={teamOffer}
              onChoose={chooseTeam}
              onQuit={quit}
              onLanguage={() => act({ type: 'switch-locale' })}
            />
          </WizardControlsContext.Provider>
        </UiContext.Provider>
      </KeyListenersContext.Provider>
    );
  }

  if (offer) {
    const choose = (resume: boolean) => {
      holdKeys();
      if (resume) act({ type: 'resume', ...offer });
      setOffer(undefined);
    };
    return (
      <KeyListenersContext.Provider value={listeners}>
        <UiContext.Provider value={uiOptions}>
          <WizardControlsContext.Provider value={controls}>
            <ResumeScreen content={content} index={offer.index} flow={state.flow} onChoose={choose} />
          </WizardControlsContext.Provider>
        </UiContext.Provider>
      </KeyListenersContext.Provider>
    );
  }

  const sideList = columns >= SIDE_LIST_COLUMNS && !ui.screenReader;
  const closeOverlay = () => act({ type: 'close-overlay' });
  const mainWidth = sideList ? columns - SIDE_LIST_WIDTH - 2 : columns;
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
      onNoticeNext={(text) => {
        // Set now too, so the step's first frame already says it (the move renders in the same batch).
        handedOn.current = text;
        setNotice(text);
      }}
      team={team}
    />
  );
  let overlay: ReactNode = null;
  // Help and the step list keep the step's progress line on top: the reader still knows where they are.
  const progress = (
    <ProgressBar
      number={state.index + 1}
      total={state.flow.steps.length}
      name={stepText(step, content, state.flow.vars).name}
      template={content.ui.progress}
    />
  );
  if (state.overlay === 'help')
    overlay = <HelpOverlay content={content} progress={progress} onClose={closeOverlay} />;
  if (state.overlay === 'steps') {
    overlay = (
      <StepList
        state={state}
        content={content}
        interactive
        progress={progress}
        onGo={(id) => act({ type: 'go-to', step: id })}
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
              <Box flexDirection="column" marginLeft={2} width={SIDE_LIST_WIDTH}>
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
  readonly step: FlowStep;
  readonly state: WizardState;
  readonly content: Content;
  readonly notice: string | undefined;
  readonly services: AppServices;
  readonly apiKey: string | undefined;
  readonly onApiKey: (key: string) => void;
  readonly onNotice: (notice: string) => void;
  /** A notice for the step the user goes to next (why they were sent there). */
  readonly onNoticeNext: (notice: string) => void;
  /** The team file in use, if any. */
  readonly team: TeamInUse | undefined;
};

/** The screen for a step's kind, given only what that screen uses. */
function StepScreen({
  step,
  state,
  content,
  notice,
  services,
  apiKey,
  onApiKey,
  onNotice,
  onNoticeNext,
  team,
}: StepScreenProps) {
  const base = { content, notice };
  const copy = services.copy
    ? (text: string) => services.copy?.(text, content) ?? Promise.resolve('')
    : undefined;
  // Where the call goes and with which model: the team file's, unless a flag or the environment says otherwise.
  const setup = services.callFor?.(team) ?? {
    baseUrl: services.call?.baseUrl ?? DEFAULT_BASE_URL,
    model: services.call?.model ?? 'gpt-4o-mini',
    overridden: [],
  };
  const notices = setup.overridden.map((variable) => fill(content.team.wizard.orgDiffers, { variable }));
  switch (step.kind) {
    case 'intro':
    case 'guide':
    case 'team-guide':
      return (
        <GuideScreen
          {...base}
          step={step}
          plannedAmount={state.answers.amount}
          team={step.id === 'welcome' ? team : undefined}
        />
      );
    case 'choice':
      return <ChoiceScreen {...base} step={step} accountType={state.answers.accountType} />;
    case 'amount':
      return <AmountScreen {...base} step={step} locale={state.locale} amount={state.answers.amount} />;
    case 'auto-recharge':
      return <AutoRechargeScreen {...base} step={step} saved={state.answers.autoRecharge} />;
    case 'api-key':
      return (
        <ApiKeyScreen
          {...base}
          step={step}
          suggested={services.suggestedKey}
          apiKey={apiKey}
          onApiKey={onApiKey}
        />
      );
    case 'test-call':
      return (
        <TestCallScreen
          {...base}
          step={step}
          locale={state.locale}
          apiKey={apiKey}
          openSession={
            services.openSession ? (key) => services.openSession?.(key, team) ?? Promise.reject() : undefined
          }
          call={setup}
          {...(setup.origin ? { origin: setup.origin } : {})}
          notices={notices}
          {...(team ? { team: expectationOf(team.file) } : {})}
          flow={state.flow}
          policy={services.callPolicy ?? DEFAULT_POLICY}
          practice={services.practice ?? false}
          copy={copy}
          onNotice={onNotice}
          onNoticeNext={onNoticeNext}
          shell={services.shell}
        />
      );
    case 'done':
      return (
        <DoneScreen
          {...base}
          step={step}
          shell={services.shell}
          copy={copy}
          onNotice={onNotice}
          practice={services.practice ?? false}
          apiKey={apiKey}
          envFile={services.envFile}
          keyStep={flowIndex(state.flow, 'api-key') + 1}
          {...(team ? { envExtra: keyNeighbours(team.file, setup) } : {})}
        />
      );
  }
}
