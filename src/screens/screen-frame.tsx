import { Box, Text, Transform } from 'ink';
import type { ReactNode } from 'react';
import { KeyHints } from '../components/key-hints.js';
import { fitBlocks, type Hint, hintLines, type LayoutBlock } from '../components/layout.js';
import { dropWrapSpace } from '../components/measure.js';
import { PageLink, pageLinkLines } from '../components/page-link.js';
import { ProgressBar } from '../components/progress-bar.js';
import { proseLines } from '../components/prose-wrap.js';
import { RichText } from '../components/rich-text.js';
import { type Scroll, ScrollView } from '../components/scroll-view.js';
import { wrapText } from '../components/text-width.js';
import { type theme, theme as themeStyles } from '../components/theme.js';
import { type UiOptions, useUi } from '../components/ui-options.js';
import { pictureLines, Wireframe } from '../components/wireframe.js';
import { type Content, fill, type Vars } from '../content/content.js';
import { useLatestInput, useWizardControls } from '../hooks/use-screen-keys.js';
import { useScroll } from '../hooks/use-scroll.js';
import { type FlowStep, flowIndex, stepText } from '../wizard/flow.js';

/** A part of a screen: what it draws, and what the layout needs to know to decide whether it fits. */
export type ScreenBlock = LayoutBlock & { readonly node: ReactNode };

/** Options of a block. */
type BlockOptions = {
  readonly role?: LayoutBlock['role'];
  /** Among `more` blocks, which stay first (default 1: a screen's own facts before the general explanation). */
  readonly keep?: number;
  readonly margin?: boolean;
  readonly tone?: keyof typeof theme;
  readonly vars?: Vars;
};

type TextUi = Pick<UiOptions, 'columns' | 'color'> & {
  readonly ascii?: boolean;
  readonly screenReader?: boolean;
};

// A list item in a sentence: its wrapped lines start under its first word, not under the dash. A screen
// reader reads the item as one text (the dash and the words apart would read with a gap).
const BULLET = '- ';
const hangs = (text: string, ui: TextUi) => text.startsWith(BULLET) && !ui.screenReader && ui.columns > 12;

/** Rows a sentence of content takes, labels drawn as they will be (quoted without colour). */
export function textLines(text: string, ui: TextUi, vars?: Vars): number {
  const style = { color: ui.color, ascii: ui.ascii ?? false };
  if (hangs(text, ui))
    return proseLines(fill(text.slice(BULLET.length), vars), ui.columns - BULLET.length, style).length;
  return proseLines(fill(text, vars), ui.columns, style).length;
}

/** A sentence of content as a block. */
export function textBlock(id: string, text: string, ui: TextUi, options: BlockOptions = {}): ScreenBlock {
  const width = ui.columns - BULLET.length;
  return {
    id,
    role: options.role ?? 'must',
    margin: options.margin ?? false,
    keep: options.keep ?? 1,
    lines: textLines(text, ui, options.vars),
    node: hangs(text, ui) ? (
      <Box>
        <Text {...(options.tone ? themeStyles[options.tone] : {})}>{BULLET}</Text>
        <Box width={width} flexShrink={1}>
          <RichText
            text={text.slice(BULLET.length)}
            vars={options.vars}
            tone={options.tone}
            columns={width}
          />
        </Box>
      </Box>
    ) : (
      <RichText text={text} vars={options.vars} tone={options.tone} />
    ),
  };
}

/** Any node as a block, with the rows it takes. */
export function nodeBlock(
  id: string,
  lines: number,
  node: ReactNode,
  options: Pick<BlockOptions, 'role' | 'margin' | 'keep'> = {},
): ScreenBlock {
  return {
    id,
    role: options.role ?? 'must',
    margin: options.margin ?? false,
    keep: options.keep ?? 1,
    lines,
    node,
  };
}

type Props = {
  readonly step: FlowStep;
  readonly content: Content;
  /** What this screen adds below its explanation, in order: a choice, a field, a result. */
  readonly blocks?: readonly ScreenBlock[];
  /** The keys that work here. */
  readonly hints: readonly Hint[];
  /** A one-line note from the wizard (browser, copy, store), shown above the hints. */
  readonly notice?: string;
  /** False once the screen's own content replaces the explanation (a result, a diagnosis). */
  readonly showBody?: boolean;
};

/**
 * The parts every screen shares: progress, title, explanation, labels, picture, the page link and key hints,
 * laid out so that the progress line and title always stay on screen. When the terminal is short the picture
 * gives way first, then the longer explanation and the screen's `more` blocks move behind Tab.
 */
export function ScreenFrame({ step, content, blocks = [], hints, notice, showBody = true }: Props) {
  const ui = useUi();
  const { overlay, dispatch, quit, flow } = useWizardControls();
  const text = stepText(step, content, flow.vars);
  const number = flowIndex(flow, step.id) + 1;
  const labels = text.labels.map((label) => `\`${label}\``).join('  ');
  const wireframe = 'wireframe' in step ? step.wireframe : undefined;
  const picture = wireframe && !ui.screenReader ? pictureLines(wireframe.name, ui.columns) : undefined;
  const h = content.ui.hints;

  const all: ScreenBlock[] = [
    nodeBlock(
      'progress',
      1,
      <ProgressBar
        number={number}
        total={flow.steps.length}
        name={text.name}
        template={content.ui.progress}
      />,
    ),
    textBlock('title', text.title, ui, { tone: 'title', margin: true }),
    ...(showBody ? text.body : []).map((paragraph, index) =>
      textBlock(`body-${index}`, paragraph, ui, { margin: true }),
    ),
    ...(showBody ? text.more : []).map((paragraph, index) =>
      textBlock(`more-${index}`, paragraph, ui, { margin: true, role: 'more', keep: 0 }),
    ),
    ...(labels ? [textBlock('labels', `${content.ui.lookFor} ${labels}`, ui, { margin: true })] : []),
    ...(picture && wireframe
      ? [
          nodeBlock('picture', picture.length, <Wireframe name={wireframe.name} mark={wireframe.mark} />, {
            role: 'picture',
            margin: true,
          }),
        ]
      : []),
    ...blocks,
    ...(step.url
      ? [
          nodeBlock(
            'link',
            pageLinkLines(step.url, ui.columns),
            <PageLink url={step.url} text={content.ui.openLink} />,
            {
              margin: true,
            },
          ),
        ]
      : []),
    ...(notice ? [textBlock('notice', notice, ui, { tone: 'warning', margin: true })] : []),
  ];
  const withHints = (list: readonly Hint[]) => [
    ...all,
    nodeBlock('hints', hintLines(list, ui.columns, ui.ascii), <KeyHints hints={list} />, { margin: true }),
  ];
  const moreHints: Hint[] = [['Tab', h.more], ...hints];
  const fit = fitBlocks(withHints(hints), ui.rows, () => withHints(moreHints));

  // Tab opens what did not fit; in it, Tab, Enter or Esc comes back (Enter is no dead key there).
  const hidden = all.filter((block) => block.role === 'more' && !fit.shown.has(block.id));
  useLatestInput(
    (input, key) => {
      if (key.tab && overlay === 'none' && fit.hiddenMore)
        dispatch({ type: 'open-overlay', overlay: 'more' });
      else if ((key.tab || key.return || key.escape) && overlay === 'more')
        dispatch({ type: 'close-overlay' });
      else if (input === 'q' && overlay === 'more') quit();
    },
    () => overlay === 'more' || (overlay === 'none' && fit.hiddenMore),
  );
  const scroll = useScroll(overlay === 'more');

  if (overlay === 'more') {
    return (
      <MoreView
        head={all.slice(0, 2)}
        hidden={hidden}
        hints={[
          ['Tab, Enter', h.less],
          ['↑↓', h.scroll],
          ['q', h.quit],
        ]}
        scroll={scroll}
      />
    );
  }
  const shownHints = fit.hiddenMore ? moreHints : hints;
  const drawn = withHints(shownHints).filter((block) => fit.shown.has(block.id));
  return (
    <Box flexDirection="column">
      {drawn.map((block) => (
        <Box key={block.id} marginTop={block.margin && !fit.collapsed ? 1 : 0} flexDirection="column">
          {block.node}
        </Box>
      ))}
    </Box>
  );
}

/** What moved behind Tab, under the step's progress line and title; scrolls where it is taller than the terminal. */
function MoreView({
  head,
  hidden,
  hints,
  scroll,
}: {
  readonly head: readonly ScreenBlock[];
  readonly hidden: readonly ScreenBlock[];
  readonly hints: readonly Hint[];
  readonly scroll: Scroll;
}) {
  const ui = useUi();
  const hintRows = hintLines(hints, ui.columns, ui.ascii);
  const room =
    ui.rows - 1 - head.reduce((sum, block) => sum + block.lines + (block.margin ? 1 : 0), 0) - hintRows - 2;
  // ↑↓ is named only when there is something to scroll to.
  const tall = hidden.reduce((sum, block) => sum + block.lines + (block.margin ? 1 : 0), 0) > room;
  const shown = tall ? hints : hints.filter(([key]) => key !== '↑↓');
  return (
    <Box flexDirection="column">
      {head.map((block) => (
        <Box key={block.id} marginTop={block.margin ? 1 : 0} flexDirection="column">
          {block.node}
        </Box>
      ))}
      <Box marginTop={1} flexDirection="column">
        <ScrollView items={hidden} height={Math.max(1, room)} scroll={scroll} />
      </Box>
      <Box marginTop={1}>
        <KeyHints hints={shown} />
      </Box>
    </Box>
  );
}

export { choiceHints, fieldHints, navHints } from './hints.js';

/** Text drawn as it is (no label marks: outside text may hold backticks), as a block. */
export function plainLine(
  id: string,
  value: string,
  ui: Pick<UiOptions, 'columns'>,
  options: Pick<BlockOptions, 'role' | 'margin' | 'tone'> = {},
): ScreenBlock {
  // A reply keeps its own spacing as the model wrote it, wrapped as Ink wraps; other text is broken by the
  // wizard so that a URL or command in it stays whole (an outside backtick is only a backtick).
  const reply = options.tone === 'reply';
  const lines = reply
    ? wrapText(value, ui.columns)
    : proseLines(value, ui.columns, { color: true, labels: false });
  const text = (
    <Text wrap="wrap" {...(options.tone ? themeStyles[options.tone] : {})}>
      {reply ? value : lines.join('\n')}
    </Text>
  );
  // Ink leaves the space it wrapped at on the next line (in a reply).
  return nodeBlock(
    id,
    lines.length,
    reply ? text : <Transform transform={dropWrapSpace}>{text}</Transform>,
    options,
  );
}
