import { Box, Text } from 'ink';
import { useEffect, useRef, useState } from 'react';
import { type Explanation, explain } from '../api/explain.js';
import type { Diagnosis } from '../api/outcomes.js';
import { formatUsd, PRICE_TABLE } from '../api/prices.js';
import { curlCommandCompact, DEFAULT_BASE_URL } from '../api/request.js';
import type { ChatSuccess, Session } from '../api/test-call.js';
import { Busy } from '../components/busy.js';
import { CodeBlock } from '../components/code-block.js';
import type { Hint } from '../components/key-hints.js';
import { RichText } from '../components/rich-text.js';
import { theme } from '../components/theme.js';
import { type Content, fill } from '../content/content.js';
import { useScreenKeys, useWizardControls } from '../hooks/use-screen-keys.js';
import { useSyncState } from '../hooks/use-sync-state.js';
import { safeText } from '../text/secrets.js';
import type { StepId } from '../wizard/steps.js';
import { ScreenFrame } from './screen-frame.js';
import type { ScreenProps } from './screen-props.js';

/** Where the test call is. */
type Phase =
  | { readonly name: 'no-key' }
  | { readonly name: 'models' }
  | { readonly name: 'confirm'; readonly organization: string | null; readonly warning: boolean }
  | { readonly name: 'calling'; readonly reply: string; readonly retry?: string }
  | { readonly name: 'success'; readonly result: ChatSuccess }
  | {
      readonly name: 'failed';
      readonly diagnosis: Diagnosis;
      readonly stage: 'models' | 'chat';
      readonly gaveUp?: boolean;
    }
  | { readonly name: 'waiting'; readonly secondsLeft: number; readonly attempt: number }
  | { readonly name: 'cancelled' };

/** How long to wait for credit: every 30 s, at most 20 times (10 minutes). */
export const CREDIT_WAIT = { intervalMs: 30_000, maxTries: 20 } as const;

function DiagnosisView({
  explanation,
  content,
  gaveUp,
}: {
  explanation: Explanation;
  content: Content;
  gaveUp: boolean;
}) {
  return (
    <Box flexDirection="column" marginTop={1}>
      <RichText text={`✗ ${explanation.title}`} tone="error" />
      <RichText text={explanation.meaning} />
      <RichText text={explanation.action} />
      {gaveUp ? (
        <RichText
          text={fill(content.outcomes['no-credit'].waitGaveUp, {
            minutes: (CREDIT_WAIT.intervalMs * CREDIT_WAIT.maxTries) / 60000,
          })}
          tone="warning"
        />
      ) : null}
      {explanation.notes.map((note) => (
        <RichText key={note} text={note} />
      ))}
      {explanation.serverMessage ? (
        <RichText text={`${content.diagnosis.serverSaid} ${explanation.serverMessage}`} tone="hint" />
      ) : null}
      <RichText text={explanation.retry} tone="hint" />
      {explanation.kind === 'no-credit' && !gaveUp ? (
        <RichText
          text={`w: ${fill(content.outcomes['no-credit'].wait, { minutes: (CREDIT_WAIT.intervalMs * CREDIT_WAIT.maxTries) / 60000 })}`}
        />
      ) : null}
    </Box>
  );
}

/**
 * The live test call: GET /models first (free; names the organization), then, once the user confirms, the
 * streamed chat call with the haiku appearing as it is written. Failures are explained, with one key back to
 * the step that fixes them.
 */
export function TestCallScreen({ step, content, notice, services, apiKey, onNotice }: ScreenProps) {
  const { dispatch } = useWizardControls();
  const [phase, setPhase, currentPhase] = useSyncState<Phase>(
    apiKey ? { name: 'models' } : { name: 'no-key' },
  );
  const session = useRef<Promise<Session> | undefined>(undefined);
  const abort = useRef<AbortController | undefined>(undefined);
  const organization = useRef<string | null>(null);
  const waitTries = useRef(0);
  const text = content.steps['test-call'];
  const [sessionBaseUrl, setSessionBaseUrl] = useState<string | undefined>();
  const call = {
    ...(services.call ?? { baseUrl: DEFAULT_BASE_URL, model: 'gpt-4o-mini' }),
    ...(sessionBaseUrl ? { baseUrl: sessionBaseUrl } : {}),
  };
  const wait = services.creditWait ?? CREDIT_WAIT;

  const getSession = (): Promise<Session> | undefined => {
    if (!apiKey || !services.openSession) return undefined;
    if (!session.current) {
      session.current = services.openSession(apiKey);
      session.current.then(
        (opened) => setSessionBaseUrl(opened.baseUrl),
        () => undefined,
      );
    }
    return session.current;
  };

  const runModels = async () => {
    const opened = getSession();
    if (!opened) return;
    setPhase({ name: 'models' });
    const controller = new AbortController();
    abort.current = controller;
    const ready = await opened.catch(() => undefined);
    // The wizard ended while the test-call code was loading: nothing to do.
    if (!ready) return;
    const result = await ready.checkModels(controller.signal);
    if (controller.signal.aborted) return;
    if (!result.ok) return setPhase({ name: 'failed', diagnosis: result.diagnosis, stage: 'models' });
    organization.current = result.organization;
    setPhase({ name: 'confirm', organization: result.organization, warning: result.warning !== null });
  };

  const runChat = async (fromWait = false) => {
    const opened = getSession();
    if (!opened) return;
    if (!fromWait) waitTries.current = 0;
    const controller = new AbortController();
    abort.current = controller;
    let reply = '';
    setPhase({ name: 'calling', reply });
    const ready = await opened.catch(() => undefined);
    if (!ready) return;
    const result = await ready.chat(controller.signal, (event) => {
      if (event.type === 'delta') {
        reply += event.text;
        setPhase({ name: 'calling', reply });
      } else {
        const title = content.outcomes[event.diagnosis.kind].title;
        setPhase({
          name: 'calling',
          reply,
          retry: `${title}: ${fill(text.retrying, { seconds: Math.ceil(event.delayMs / 1000), attempt: event.attempt, max: event.max })}`,
        });
      }
    });
    if (controller.signal.aborted) return;
    if (result.ok) return setPhase({ name: 'success', result });
    if (result.diagnosis.kind === 'no-credit' && fromWait) {
      if (waitTries.current < wait.maxTries) return startWaiting();
      return setPhase({ name: 'failed', diagnosis: result.diagnosis, stage: 'chat', gaveUp: true });
    }
    setPhase({ name: 'failed', diagnosis: result.diagnosis, stage: 'chat' });
  };

  const startWaiting = () => {
    waitTries.current += 1;
    setPhase({ name: 'waiting', secondsLeft: Math.ceil(wait.intervalMs / 1000), attempt: waitTries.current });
  };

  // Check the key as soon as the screen opens: it costs nothing.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, on opening
  useEffect(() => {
    void runModels();
    return () => {
      abort.current?.abort();
      session.current?.then(
        (s) => s.close(),
        () => undefined,
      );
    };
  }, []);

  // The visible countdown while waiting for credit.
  const waiting = phase.name === 'waiting';
  // biome-ignore lint/correctness/useExhaustiveDependencies: the countdown restarts only when waiting starts
  useEffect(() => {
    if (!waiting) return;
    const started = Date.now();
    const tick = Math.min(1000, wait.intervalMs);
    const timer = setInterval(() => {
      const left = Math.max(0, Math.ceil((wait.intervalMs - (Date.now() - started)) / 1000));
      if (Date.now() - started >= wait.intervalMs) {
        clearInterval(timer);
        void runChat(true);
      } else {
        setPhase((current) => (current.name === 'waiting' ? { ...current, secondsLeft: left } : current));
      }
    }, tick);
    return () => clearInterval(timer);
  }, [waiting, waitTries.current]);

  const copyCurl = () => {
    const curl = curlCommandCompact(call.baseUrl, call.model);
    onNotice(services.copy?.(curl) ? text.copied : text.copyUnsupported);
  };
  const fixStep = phase.name === 'failed' ? explain(phase.diagnosis, content, call.model).step : null;
  const goTo = (id: StepId) => dispatch({ type: 'go-to', step: id });

  // Handlers read the phase as of the key (currentPhase), not of the last render: a second Enter pressed
  // before the screen redraws must not send a second call.
  useScreenKeys({
    next: () => {
      const phase = currentPhase();
      const fixStep = phase.name === 'failed' ? explain(phase.diagnosis, content, call.model).step : null;
      if (phase.name === 'no-key') return goTo('api-key');
      if (phase.name === 'confirm') return void runChat();
      if (phase.name === 'success') return dispatch({ type: 'next' });
      if (phase.name === 'failed')
        return fixStep
          ? goTo(fixStep.id as StepId)
          : void (phase.stage === 'models' ? runModels() : runChat());
      if (phase.name === 'cancelled') return void runChat();
    },
    back: () => {
      const phase = currentPhase();
      if (phase.name === 'calling' || phase.name === 'models') {
        abort.current?.abort();
        return setPhase({ name: 'cancelled' });
      }
      if (phase.name === 'waiting') {
        return setPhase({
          name: 'failed',
          diagnosis: { kind: 'no-credit', status: 429, code: null, serverMessage: null },
          stage: 'chat',
        });
      }
      dispatch({ type: 'back' });
    },
    retry: () => {
      const phase = currentPhase();
      if (phase.name === 'failed') void (phase.stage === 'models' ? runModels() : runChat());
      if (phase.name === 'cancelled') void runChat();
    },
    wait: () => {
      const phase = currentPhase();
      if (phase.name === 'failed' && phase.diagnosis.kind === 'no-credit') startWaiting();
    },
    copy: copyCurl,
    // Jumping away mid-call would leave it running: only between calls.
    jump: (intent) => {
      const phase = currentPhase();
      if (phase.name !== 'calling' && phase.name !== 'models')
        dispatch({ type: 'go-to-number', number: intent.number });
    },
  });

  const h = content.ui.hints;
  const hints: Hint[] = [];
  if (phase.name === 'confirm') hints.push(['Enter', h.next]);
  if (phase.name === 'calling' || phase.name === 'models' || phase.name === 'waiting')
    hints.push(['Esc', h.cancel]);
  if (phase.name === 'failed') {
    if (fixStep) hints.push(['Enter', fill(h.fix, { n: fixStep.number })]);
    hints.push(['r', h.retry]);
    if (phase.diagnosis.kind === 'no-credit') hints.push(['w', h.wait]);
  }
  if (phase.name === 'success') hints.push(['Enter', h.next]);
  if (phase.name === 'no-key') hints.push(['Enter', fill(h.fix, { n: 12 })]);
  if (phase.name !== 'calling' && phase.name !== 'models' && phase.name !== 'waiting')
    hints.push(['←', h.back]);
  hints.push(['c', h.copy], ['?', h.help], ['q', h.quit]);

  const showCurl = phase.name === 'models' || phase.name === 'confirm' || phase.name === 'cancelled';
  return (
    <ScreenFrame
      step={step}
      content={content}
      hints={hints}
      notice={notice}
      showBody={showCurl || phase.name === 'no-key'}
    >
      {phase.name === 'no-key' ? <RichText text={text.noKey} tone="warning" /> : null}
      {showCurl ? (
        <Box flexDirection="column" marginTop={1}>
          <Text>{text.curlTitle}</Text>
          <CodeBlock code={curlCommandCompact(call.baseUrl, call.model)} />
        </Box>
      ) : null}
      {phase.name === 'models' ? (
        <Box marginTop={1}>
          <Busy label={text.checkingKey} />
        </Box>
      ) : null}
      {phase.name === 'confirm' ? (
        <Box flexDirection="column" marginTop={1}>
          {phase.organization ? (
            <Text>{fill(text.organization, { organization: safeText(phase.organization) })}</Text>
          ) : null}
          {phase.warning ? <RichText text={text.modelsWarning} tone="warning" /> : null}
          <RichText text={text.confirm} tone="title" />
        </Box>
      ) : null}
      {phase.name === 'calling' ? (
        <Box flexDirection="column" marginTop={1}>
          <Busy label={phase.retry ?? fill(text.sending, { model: call.model })} />
          {phase.reply ? (
            <Box marginTop={1}>
              <Text {...theme.reply}>{safeText(phase.reply, apiKey ? [apiKey] : [])}</Text>
            </Box>
          ) : null}
        </Box>
      ) : null}
      {phase.name === 'success' ? (
        <Box flexDirection="column" marginTop={1}>
          <RichText text={fill(text.replyTitle, { model: phase.result.model })} tone="success" />
          <Box marginTop={1} marginBottom={1}>
            <Text {...theme.reply}>{phase.result.reply}</Text>
          </Box>
          {phase.result.usage ? (
            <Text>
              {fill(text.tokens, {
                prompt: phase.result.usage.prompt_tokens,
                completion: phase.result.usage.completion_tokens,
              })}
              {' · '}
              {phase.result.costUsd === null
                ? fill(text.costUnknown, { model: phase.result.model, date: PRICE_TABLE.asOf })
                : fill(text.cost, { cost: formatUsd(phase.result.costUsd), date: PRICE_TABLE.asOf })}
            </Text>
          ) : null}
          <Text>
            {fill(text.latency, {
              firstToken: phase.result.latencyMs.firstToken ?? '-',
              total: phase.result.latencyMs.total,
            })}
          </Text>
          <Text>
            {fill(text.organization, {
              organization: phase.result.organization ?? organization.current ?? '-',
            })}
            {' · '}
            {fill(text.requestId, { requestId: phase.result.requestId ?? '-' })}
          </Text>
        </Box>
      ) : null}
      {phase.name === 'failed' ? (
        <DiagnosisView
          explanation={explain(phase.diagnosis, content, call.model)}
          content={content}
          gaveUp={phase.gaveUp ?? false}
        />
      ) : null}
      {phase.name === 'waiting' ? (
        <Box flexDirection="column" marginTop={1}>
          <RichText text={content.outcomes['no-credit'].title} tone="warning" />
          <Busy
            label={fill(content.outcomes['no-credit'].waiting, {
              seconds: phase.secondsLeft,
              attempt: phase.attempt,
              max: wait.maxTries,
            })}
          />
        </Box>
      ) : null}
      {phase.name === 'cancelled' ? <RichText text={text.cancelled} tone="warning" /> : null}
    </ScreenFrame>
  );
}
