import { Box, Text } from 'ink';
import type { CallPolicy, CallState } from '../api/call-machine.js';
import { explain } from '../api/explain.js';
import { resultOf } from '../api/report.js';
import { curlCommand, curlCommandCompact } from '../api/request.js';
import type { Session } from '../api/session.js';
import { summaryLines } from '../api/summary.js';
import { Busy } from '../components/busy.js';
import { CodeBlock } from '../components/code-block.js';
import type { Hint } from '../components/key-hints.js';
import { fitCommand } from '../components/layout.js';
import { useUi } from '../components/ui-options.js';
import { type Content, fill } from '../content/content.js';
import type { Locale } from '../content/locale.js';
import { useScreenKeys, useWizardControls } from '../hooks/use-screen-keys.js';
import { useTestCall } from '../hooks/use-test-call.js';
import type { Shell } from '../text/shell.js';
import { type Step, type StepId, stepIndex } from '../wizard/steps.js';
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
  readonly call: { readonly baseUrl: string; readonly model: string };
  readonly policy: CallPolicy;
  /** Practice mode: every result says it came from the practice server. */
  readonly practice: boolean;
  /** Copies text; resolves with the sentence saying how (or that it could not). */
  readonly copy: ((text: string) => Promise<string>) | undefined;
  readonly onNotice: (notice: string) => void;
  /** The user's shell, for a line to run that a failure suggests (unsetting OPENAI_ORG_ID); bash if unknown. */
  readonly shell?: Shell;
};

/** The step a failure sends the user to, unless it is this one. */
function fixStepOf(state: CallState, content: Content, model: string): FixStep {
  if (state.phase === 'no-key') {
    return { id: 'api-key', number: stepIndex('api-key') + 1, name: content.steps['api-key'].name };
  }
  if (state.phase !== 'failed' || !state.failure) return null;
  const step = explain(state.failure, content, model).step;
  return step && step.id !== 'test-call' ? { ...step, id: step.id as StepId } : null;
}

/**
 * The live test call: GET /models first (free; names the organization), then, once the user confirms, the
 * chat call with the haiku appearing as it is written. Failures are explained, with one key back to the
 * step that fixes them. The flow itself is the shared machine; this screen draws it and maps keys to it.
 */
export function TestCallScreen(props: Props) {
  const { step, content, locale, notice, call } = props;
  const { dispatch } = useWizardControls();
  const { state, baseUrl, send, current } = useTestCall({
    apiKey: props.apiKey,
    openSession: props.openSession,
    policy: props.policy,
  });
  const text = content.steps['test-call'];
  const curl = curlCommandCompact(baseUrl ?? call.baseUrl, call.model);

  const run = (action: TestCallAction) => {
    switch (action.type) {
      case 'event':
        return send(action.event);
      case 'go-to':
        return dispatch({ type: 'go-to', step: action.step });
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
    const binding = testCallBindings(now, fixStepOf(now, content, call.model), content).find((b) =>
      b.intents.includes(intent),
    );
    if (binding) run(binding.action);
  };
  const whenIdle = (action: () => void) => () => {
    if (!isBusy(current())) action();
  };
  useScreenKeys({
    next: act('next'),
    back: act('back'),
    retry: act('retry'),
    wait: act('wait'),
    copy: act('copy'),
    open: act('open'),
    // Leaving mid-call would leave it running: jumps, the step list and the language wait for it.
    jump: (intent) => whenIdle(() => dispatch({ type: 'go-to-number', number: intent.number }))(),
    steps: whenIdle(() => dispatch({ type: 'open-overlay', overlay: 'steps' })),
  });

  const bindings = testCallBindings(state, fixStepOf(state, content, call.model), content);
  const h = content.ui.hints;
  const hints: Hint[] = [
    ...bindings.map((binding): Hint => [binding.key, binding.label]),
    ...(isBusy(state) ? [] : ([['s', h.steps]] as Hint[])),
    ['?', h.help],
    ['l', h.lang],
    ['q', h.quit],
  ];

  const showCurl = state.phase === 'models' || state.phase === 'confirm' || state.phase === 'cancelled';
  const report = state.phase === 'success' ? resultOf(state, content, call.model).report : null;
  const ui = useUi();
  // The command is drawn only where every line fits: a line broken inside a token would not paste back.
  const curlShown = fitCommand([curl, curlCommand(baseUrl ?? call.baseUrl, call.model, true)], ui.columns);
  const blocks: ScreenBlock[] = [];
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
    blocks.push(textBlock('confirm', text.confirm, ui, { tone: 'title', margin: true }));
  }
  if (state.phase === 'chat' || state.phase === 'retry-wait') {
    if (state.streamRefused)
      blocks.push(textBlock('not-streaming', content.check.notStreaming, ui, { tone: 'hint', margin: true }));
    const label =
      state.phase === 'retry-wait' && state.retrying
        ? `${explain(state.retrying.diagnosis, content, call.model).title}: ${fill(text.retrying, {
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
    if (props.practice) blocks.push(textBlock('practice', text.practiceResult, ui, { tone: 'warning' }));
    blocks.push(
      textBlock('reply-title', fill(text.replyTitle, { model: report.model ?? call.model }), ui, {
        margin: true,
      }),
    );
    blocks.push(plainLine('reply', report.reply ?? '', ui, { margin: true, tone: 'reply' }));
    summaryLines(report, content, locale).forEach((line, index) => {
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
      ...diagnosisBlocks(
        explain(state.failure, content, call.model, {
          shell: props.shell,
          timeoutSeconds: props.policy.timeoutMs / 1000,
        }),
        {
          content,
          ui,
          gaveUp: state.gaveUp,
          minutes: (props.policy.creditWait.intervalMs * props.policy.creditWait.maxTries) / 60_000,
          practice: props.practice,
        },
      ),
    );
  }
  if (state.phase === 'credit-wait') {
    const title = state.failure
      ? explain(state.failure, content, call.model).title
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
