import { Box, Text } from 'ink';
import { useState } from 'react';
import type { CallPolicy, CallState } from '../api/call-machine.js';
import { type ExplainContext, explain, type TeamExpectation } from '../api/explain.js';
import { resultOf } from '../api/report.js';
import { type CurlExtras, curlCommand, curlCommandCompact } from '../api/request.js';
import type { Session } from '../api/session.js';
import { summaryLines } from '../api/summary.js';
import { Busy } from '../components/busy.js';
import { CodeBlock } from '../components/code-block.js';
import type { Hint } from '../components/key-hints.js';
import { fitCommand } from '../components/layout.js';
import { useUi } from '../components/ui-options.js';
import { type Content, fill } from '../content/content.js';
import type { Locale } from '../content/locale.js';
import { useLatestInput, useScreenKeys, useWizardControls } from '../hooks/use-screen-keys.js';
import { useTestCall } from '../hooks/use-test-call.js';
import type { Shell } from '../text/shell.js';
import { type Flow, flowIndex, PERSONAL_FLOW } from '../wizard/flow.js';
import type { Step, StepId } from '../wizard/steps.js';
import { diagnosisBlocks } from './diagnosis-view.js';
import { nodeBlock, plainLine, type ScreenBlock, ScreenFrame, textBlock } from './screen-frame.js';
import {
  type BindingIntent,
  type FixStep,
  isBusy,
  type TestCallAction,
  testCallBindings,
} from './test-call-keys.js';

type Props = {
  readonly step: Step;
  readonly content: Content;
  readonly locale: Locale;
  readonly notice?: string;
  /** The key chosen on the api-key screen: in memory only, never saved. */
  readonly apiKey: string | undefined;
  /** Opens a test-call session for the key. */
  readonly openSession: ((key: string) => Promise<Session>) | undefined;
  /** The API root and model, for the curl command. */
  readonly call: {
    readonly baseUrl: string;
    readonly model: string;
    readonly curl?: CurlExtras;
  };
  readonly policy: CallPolicy;
  /** Practice mode: every result says it came from the practice server. */
  readonly practice: boolean;
  /** Copies text; resolves with the sentence saying how (or that it could not). */
  readonly copy: ((text: string) => Promise<string>) | undefined;
  readonly onNotice: (notice: string) => void;
  /** Says on the step the user is sent back to why they are there. */
  readonly onNoticeNext?: (notice: string) => void;
  /** The user's shell, for a line to run that a failure suggests (unsetting OPENAI_ORG_ID); bash if unknown. */
  readonly shell?: Shell;
  /** A team file sends the key to another origin: nothing is sent before the user's `y`. */
  readonly origin?: { readonly origin: string; readonly granted: () => boolean; readonly grant: () => void };
  /** Lines to show before the call (an environment variable the team file overrides). */
  readonly notices?: readonly string[];
  /** What a team file in use expects of the key. */
  readonly team?: TeamExpectation;
  /** The guide walked, for the number of a step to go back to. */
  readonly flow?: Flow;
};

/** The step a failure sends the user to, unless it is this one. */
function fixStepOf(state: CallState, content: Content, model: string, context: ExplainContext): FixStep {
  if (state.phase === 'no-key') {
    const flow = context.flow ?? PERSONAL_FLOW;
    return { id: 'api-key', number: flowIndex(flow, 'api-key') + 1, name: content.steps['api-key'].name };
  }
  if (state.phase !== 'failed' || !state.failure) return null;
  const step = explain(state.failure, content, model, context).step;
  return step && step.id !== 'test-call' ? { ...step, id: step.id as StepId } : null;
}

/**
 * The live test call: GET /models first (free; names the organization), then, once the user confirms, the
 * chat call with the haiku appearing as it is written. Failures are explained, with one key back to the
 * step that fixes them. The flow itself is the shared machine; this screen draws it and maps keys to it.
 */
export function TestCallScreen(props: Props) {
  const { step, content, locale, notice, call } = props;
  const controls = useWizardControls();
  const { dispatch } = controls;
  // Another origin needs the user's yes before anything is sent there, the free models check included.
  const [agreed, setAgreed] = useState(() => !props.origin || props.origin.granted());
  const { state, baseUrl, send, current } = useTestCall({
    apiKey: props.apiKey,
    openSession: props.openSession,
    policy: props.policy,
    ready: agreed,
  });
  const context: ExplainContext = {
    shell: props.shell,
    timeoutSeconds: props.policy.timeoutMs / 1000,
    ...(props.flow ? { flow: props.flow } : {}),
    ...(props.team ? { team: props.team } : {}),
  };
  const text = content.steps['test-call'];
  const extras = call.curl ?? {};
  const curl = curlCommandCompact(baseUrl ?? call.baseUrl, call.model, extras);

  const run = (action: TestCallAction) => {
    switch (action.type) {
      case 'event':
        return send(action.event);
      case 'go-to': {
        // The step that fixes a failure says which failure sent the user there.
        const now = current();
        if (now.phase === 'failed' && now.failure) {
          const title = explain(now.failure, content, call.model, context).title;
          props.onNoticeNext?.(fill(text.sentBack, { title }));
        }
        return dispatch({ type: 'go-to', step: action.step });
      }
      case 'next':
        return dispatch({ type: 'next' });
      case 'back':
        return dispatch({ type: 'back' });
      case 'copy':
        return void props.copy?.(curl).then(props.onNotice);
    }
  };
  // Keys act on the state as of the key (current()), not the last render: a second Enter that arrives
  // with the first must not send a second call.
  const act = (intent: BindingIntent) => () => {
    const now = current();
    const binding = testCallBindings(now, fixStepOf(now, content, call.model, context), content).find((b) =>
      b.intents.includes(intent),
    );
    if (binding) run(binding.action);
  };
  const whenIdle = (action: () => void) => () => {
    if (!isBusy(current())) action();
  };
  // Before an agreed origin, only `y` sends (keys arrive in bursts: Enter is never a yes); ←, Esc or Enter go back.
  useLatestInput(
    (input, key) => {
      if (input === 'y' && !key.ctrl && !key.meta) {
        props.origin?.grant();
        setAgreed(true);
      } else if (key.return || key.escape || key.leftArrow || key.backspace || key.delete) {
        dispatch({ type: 'back' });
      }
    },
    () => !agreed && controls.active,
  );
  useScreenKeys(
    {
      next: act('next'),
      back: act('back'),
      retry: act('retry'),
      wait: act('wait'),
      copy: act('copy'),
      open: act('open'),
      // Leaving mid-call would leave it running: jumps and the step list wait for it (the language need not).
      jump: (intent) => whenIdle(() => dispatch({ type: 'go-to-number', number: intent.number }))(),
      steps: whenIdle(() => dispatch({ type: 'open-overlay', overlay: 'steps' })),
    },
    'screen',
    () => agreed,
  );

  const bindings = testCallBindings(state, fixStepOf(state, content, call.model, context), content);
  const h = content.ui.hints;
  const words = content.team.wizard;
  const hints: Hint[] = !agreed
    ? [
        ['y', words.originYes],
        ['←', words.originNo],
        ['?', h.help],
        ['q', h.quit],
      ]
    : [
        ...bindings.map((binding): Hint => [binding.key, binding.label]),
        ...(isBusy(state) ? [] : ([['s', h.steps]] as Hint[])),
        ['?', h.help],
        ['l', h.lang],
        ['q', h.quit],
      ];

  const showCurl =
    agreed && (state.phase === 'models' || state.phase === 'confirm' || state.phase === 'cancelled');
  const report = state.phase === 'success' ? resultOf(state, () => content, call.model).report : null;
  const ui = useUi();
  // The command is drawn only where every line fits: a line broken inside a token would not paste back.
  const curlShown = fitCommand(
    [curl, curlCommand(baseUrl ?? call.baseUrl, call.model, true, extras)],
    ui.columns,
  );
  if (!agreed && props.origin) {
    const ask = textBlock('origin', fill(words.originAsk, { origin: props.origin.origin }), ui, {
      tone: 'warning',
      margin: true,
    });
    return <ScreenFrame step={step} content={content} hints={hints} notice={notice} blocks={[ask]} />;
  }
  const blocks: ScreenBlock[] = [];
  if (showCurl || state.phase === 'no-key')
    for (const [index, line] of (props.notices ?? []).entries())
      blocks.push(textBlock(`env-${index}`, line, ui, { tone: 'warning', margin: index === 0 }));
  if (state.phase === 'no-key')
    blocks.push(textBlock('no-key', text.noKey, ui, { tone: 'warning', margin: true }));
  if (showCurl) {
    blocks.push(
      curlShown
        ? nodeBlock(
            'curl',
            1 + curlShown.split('\n').length,
            <Box flexDirection="column">
              <Text>{text.curlTitle}</Text>
              <CodeBlock code={curlShown} />
            </Box>,
            { margin: true },
          )
        : textBlock('curl', text.curlTooWide, ui, { margin: true }),
    );
  }
  if (state.phase === 'models')
    blocks.push(nodeBlock('busy', 1, <Busy label={text.checkingKey} />, { margin: true }));
  if (state.phase === 'confirm') {
    if (state.organization)
      blocks.push(
        plainLine('organization', fill(text.organization, { organization: state.organization }), ui, {
          margin: true,
          role: 'more',
        }),
      );
    if (state.modelsWarning)
      blocks.push(textBlock('models-warning', text.modelsWarning, ui, { tone: 'warning', margin: true }));
    // Where the key must belong: the team's organization and project go with the call.
    const sendsWith = teamLine(props.team, {
      both: words.sendsWith,
      organization: words.sendsWithOrganization,
      project: words.sendsWithProject,
    });
    if (sendsWith) blocks.push(textBlock('team-sends', sendsWith, ui, { margin: true }));
    blocks.push(textBlock('confirm', text.confirm, ui, { tone: 'title', margin: true }));
  }
  if (state.phase === 'chat' || state.phase === 'retry-wait') {
    if (state.streamRefused)
      blocks.push(textBlock('not-streaming', content.check.notStreaming, ui, { tone: 'hint', margin: true }));
    const label =
      state.phase === 'retry-wait' && state.retrying
        ? `${explain(state.retrying.diagnosis, content, call.model, context).title}: ${fill(text.retrying, {
            seconds: Math.max(1, Math.ceil(state.retrying.delayMs / 1000)),
            attempt: state.retries,
            max: props.policy.maxRetries,
          })}`
        : fill(text.sending, { model: call.model });
    blocks.push({ ...plainLine('busy', label, ui, { margin: true }), node: <Busy label={label} /> });
    if (state.reply) blocks.push(plainLine('reply', state.reply, ui, { margin: true, tone: 'reply' }));
  }
  if (report) {
    blocks.push(textBlock('works', text.works, ui, { tone: 'success', margin: true }));
    // The key belongs where the team said: the call was accepted with the team's headers.
    const accepted = teamLine(props.team, {
      both: words.accepted,
      organization: words.acceptedOrganization,
      project: words.acceptedProject,
    });
    if (accepted) blocks.push(textBlock('team-accepted', accepted, ui, { tone: 'success' }));
    if (props.practice) blocks.push(textBlock('practice', text.practiceResult, ui, { tone: 'warning' }));
    blocks.push(
      textBlock('reply-title', fill(text.replyTitle, { model: report.model ?? call.model }), ui, {
        margin: true,
      }),
    );
    blocks.push(plainLine('reply', report.reply ?? '', ui, { margin: true, tone: 'reply' }));
    summaryLines(report, content, locale, state.streamRefused).forEach((line, index) => {
      blocks.push(
        textBlock(`summary-${index}`, line.text, ui, {
          margin: index === 0,
          role: line.detail ? 'more' : 'must',
          tone: line.detail ? 'hint' : undefined,
        }),
      );
    });
  }
  if (state.phase === 'failed' && state.failure) {
    blocks.push(
      ...diagnosisBlocks(explain(state.failure, content, call.model, context), {
        content,
        ui,
        gaveUp: state.gaveUp,
        minutes: (props.policy.creditWait.intervalMs * props.policy.creditWait.maxTries) / 60_000,
        practice: props.practice,
      }),
    );
  }
  if (state.phase === 'credit-wait') {
    const title = state.failure
      ? explain(state.failure, content, call.model, context).title
      : content.outcomes['no-credit'].title;
    blocks.push(textBlock('no-credit', title, ui, { tone: 'warning', margin: true }));
    const label = fill(content.outcomes['no-credit'].waiting, {
      seconds: state.secondsLeft,
      attempt: state.creditTries,
      max: props.policy.creditWait.maxTries,
    });
    blocks.push({ ...plainLine('busy', label, ui), node: <Busy label={label} /> });
  }
  if (state.phase === 'cancelled')
    blocks.push(textBlock('cancelled', text.cancelled, ui, { tone: 'warning', margin: true }));
  return (
    <ScreenFrame
      step={step}
      content={content}
      hints={hints}
      notice={notice}
      showBody={showCurl || state.phase === 'no-key'}
      blocks={blocks}
    />
  );
}

/** A sentence naming the team's organization and project (by name, else id), as the file has them; else none. */
function teamLine(
  team: TeamExpectation | undefined,
  words: { readonly both: string; readonly organization: string; readonly project: string },
): string | undefined {
  if (!team?.organization && !team?.project) return undefined;
  const vars = {
    organization: team.organization?.name ?? team.organization?.id ?? '',
    project: team.project?.name ?? team.project?.id ?? '',
  };
  return fill(!team.project ? words.organization : !team.organization ? words.project : words.both, vars);
}
