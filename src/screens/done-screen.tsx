import { Box } from 'ink';
import { useEffect } from 'react';
import { Busy } from '../components/busy.js';
import { CodeBlock } from '../components/code-block.js';
import { breakUrl, fitCommand, type Hint } from '../components/layout.js';
import { BareUrl } from '../components/page-link.js';
import { useUi } from '../components/ui-options.js';
import type { Content } from '../content/content.js';
import { fill } from '../content/content.js';
import { keepWhere } from '../content/keep-where.js';
import { useLatestInput, useScreenKeys, useWizardControls } from '../hooks/use-screen-keys.js';
import { useSyncReducer } from '../hooks/use-sync-state.js';
import type { EnvExtra, EnvRefusal } from '../store/env-file.js';
import { errorCode } from '../store/file-system.js';
import type { Shell } from '../text/shell.js';
import { detectShell, keepKeyLine } from '../text/shell.js';
import type { Step } from '../wizard/steps.js';
import { PAGES } from '../wizard/steps.js';
import {
  answerOf,
  type EnvFileService,
  OFFER_CLOSED,
  type OfferLines,
  type OfferState,
  offerReducer,
  outcomeLines,
  planLines,
  replaceLines,
} from './env-offer.js';
import { navHints, nodeBlock, plainLine, type ScreenBlock, ScreenFrame, textBlock } from './screen-frame.js';

type Props = {
  readonly step: Step;
  readonly content: Content;
  readonly notice?: string;
  readonly shell: Shell | undefined;
  /** Copies text; resolves with the sentence saying how (or that it could not). */
  readonly copy: ((text: string) => Promise<string>) | undefined;
  readonly onNotice: (notice: string) => void;
  /** Practice mode (--demo): the end says that no real key or credit was checked, and `e` writes nothing. */
  readonly practice?: boolean;
  /** The key chosen on the API-key step, in memory only: what `e` offers to write. */
  readonly apiKey?: string;
  /** Writes the key to `.env` after a yes; without it (and outside practice mode) `e` is not offered. */
  readonly envFile?: EnvFileService;
  /** What a team file adds to the `.env` (its gateway and project); passed on to the plan as it is. */
  readonly envExtra?: EnvExtra;
  /** The number of the api-key step in the guide walked (a team's guide numbers it differently). */
  readonly keyStep: number;
};

/** A plan or a write that threw instead of returning a value: shown as a failed write, nothing claimed. */
const failure = (path: string, error: unknown): EnvRefusal => ({
  kind: 'refused',
  reason: 'writeFailed',
  path,
  detail: errorCode(error),
});

/** Sentences as blocks: the first `must` stay on screen, the rest may move behind Tab (after the screen's own facts). */
function offerBlocks(id: string, offer: OfferLines, ui: ReturnType<typeof useUi>): ScreenBlock[] {
  return offer.lines.map((line, index) => {
    // Paths come from the user's folders: drawn as they are, without label marks.
    const block = plainLine(`${id}-${index}`, line, ui, {
      margin: index === 0,
      role: index < offer.must ? 'must' : 'more',
      ...(offer.tone ? { tone: offer.tone } : {}),
    });
    // plainLine already drops the space a wrapped line would start with.
    return { ...block, keep: 2 };
  });
}

/**
 * The end: how to keep the key set for this shell and safe, how to revoke it, where limits are set; and, on
 * `e`, the offer to write the key to `.env` in the folder the wizard started from (env-offer.ts).
 */
export function DoneScreen({
  step,
  content,
  notice,
  shell,
  copy,
  onNotice,
  practice = false,
  apiKey,
  envFile,
  envExtra,
  keyStep,
}: Props) {
  const text = content.steps.done;
  const words = content.envFile.screen;
  const keep = keepKeyLine(shell ?? detectShell({}), envExtra);
  const controls = useWizardControls();
  const [offer, send, currentOffer] = useSyncReducer(offerReducer, OFFER_CLOSED);
  const offered = practice || (envFile !== undefined && apiKey !== undefined);
  const phaseIs = (...phases: OfferState['phase'][]) => phases.includes(currentOffer().phase);

  useScreenKeys(
    {
      next: controls.finish,
      copy: () => void copy?.(keep.line).then(onNotice),
    },
    'screen',
    () => phaseIs('closed'),
  );
  useLatestInput(
    (input, key) => {
      if (input !== 'e' || key.ctrl || key.meta) return;
      // Practice mode never writes the practice key; without the service nothing can be written at all.
      if (practice) send({ type: 'open', can: 'practice' });
      else if (envFile) send({ type: 'open', can: apiKey === undefined ? 'no-key' : 'yes' });
    },
    () => controls.active && phaseIs('closed'),
  );
  // While the offer looks or asks, every key is an answer: only `y` is yes (answerOf).
  useLatestInput(
    (input, key) => {
      const answer = answerOf(input, key);
      if (answer) send(answer);
    },
    () => controls.active && phaseIs('planning', 'ask', 'ask-replace'),
  );

  useEffect(() => {
    if (!envFile) return;
    if (offer.phase === 'planning' && apiKey !== undefined) {
      const { request } = offer;
      void envFile.plan(apiKey, envExtra).then(
        (result) => send({ type: 'planned', request, result }),
        (error: unknown) => send({ type: 'planned', request, result: failure('.env', error) }),
      );
    }
    if (offer.phase === 'applying') {
      const { request, plan } = offer;
      void envFile.apply(plan, { replaceExistingKey: offer.replace }).then(
        (result) => send({ type: 'applied', request, result }),
        (error: unknown) => send({ type: 'applied', request, result: failure(plan.envPath, error) }),
      );
    }
  }, [offer, envFile, apiKey, envExtra, send]);

  const h = content.ui.hints;
  const ui = useUi();
  const question = (id: string, sentence: string) =>
    textBlock(id, sentence, ui, { tone: 'warning', margin: true, role: 'more', keep: 3 });
  const busy = (label: string) => nodeBlock('busy', 1, <Busy label={label} />, { margin: true });

  if (offer.phase !== 'closed') {
    let blocks: ScreenBlock[];
    let hints: Hint[];
    if (offer.phase === 'ask') {
      blocks = [...offerBlocks('plan', planLines(offer.plan, content), ui), question('ask', words.ask)];
      hints = [
        ['y', words.write],
        [words.otherKeys, h.cancel],
      ];
    } else if (offer.phase === 'ask-replace') {
      blocks = [
        ...offerBlocks('replace', replaceLines(offer.plan, content), ui),
        question('ask', words.askReplace),
      ];
      hints = [
        ['y', words.replace],
        [words.otherKeys, words.keep],
      ];
    } else if (offer.phase === 'planning') {
      blocks = [busy(words.looking)];
      hints = [[words.anyKey, h.cancel]];
    } else {
      // Told no to replacing, the writer only looks again and answers that the line was kept.
      const writes = offer.replace || offer.plan.replaces.length === 0;
      blocks = [busy(writes ? words.writing : words.looking)];
      hints = [];
    }
    return <ScreenFrame step={step} content={content} hints={hints} blocks={blocks} showBody={false} />;
  }

  const outcome = offer.outcome;
  const line = fitCommand([keep.line, keep.narrow], ui.columns);
  const url = (id: string, address: string) =>
    nodeBlock(id, breakUrl(address, ui.columns)?.length ?? 0, <BareUrl url={address} />, { role: 'more' });
  // One block, so that it shows whole or not at all: "Add this line to ~/.bashrc:" without the line is no help.
  const shellParts = [
    plainLine('keep', fill(text.keepKey, { shell: keep.label }), ui),
    plainLine('where', keepWhere(keep, text), ui),
    line
      ? nodeBlock('line', line.split('\n').length, <CodeBlock code={line} />)
      : textBlock('line', text.lineTooWide, ui),
  ];
  const shellLines = nodeBlock(
    'shell',
    shellParts.reduce((sum, part) => sum + part.lines, 0),
    <Box flexDirection="column">
      {shellParts.map((part) => (
        <Box key={part.id} flexDirection="column">
          {part.node}
        </Box>
      ))}
    </Box>,
    // Once the offer has an answer, that answer comes first and the shell line may wait behind Tab.
    { margin: true, role: outcome ? 'more' : 'must' },
  );
  const blocks: ScreenBlock[] = [
    ...(outcome ? offerBlocks('outcome', outcomeLines(outcome, content, keyStep), ui) : []),
    // Important, but not above the progress line and title: on a short terminal it waits behind Tab.
    // (Once `e` has said why practice mode writes nothing, that note says it already.)
    ...(practice && outcome?.kind !== 'practice'
      ? [textBlock('practice', text.practice, ui, { tone: 'warning', margin: true, role: 'more', keep: 2 })]
      : []),
    shellLines,
    // Said of a startup file only: a shell with no file (PowerShell, cmd) runs the line once instead.
    ...(keep.file ? [textBlock('note', text.keepKeyNote, ui, { tone: 'hint', role: 'more' })] : []),
    textBlock('history', `- ${text.history}`, ui, { margin: true, role: 'more' }),
    textBlock('git', `- ${text.git}`, ui, { role: 'more' }),
    textBlock('revoke', `- ${text.revoke}`, ui, { role: 'more' }),
    url('keys', PAGES.apiKeys),
    textBlock('limits', `- ${text.limits}`, ui, { role: 'more' }),
    url('limits-url', PAGES.limits),
    url('usage-url', PAGES.usage),
  ];
  return (
    <ScreenFrame
      step={step}
      content={content}
      notice={notice}
      hints={navHints(content, step, [
        ['Enter', h.finish],
        ['c', h.copy],
        ...(offered ? ([['e', words.hint]] as Hint[]) : []),
      ])}
      blocks={blocks}
      showBody={!outcome}
    />
  );
}
