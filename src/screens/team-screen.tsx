import { Box, Text, type TextProps, Transform } from 'ink';
import { useRef } from 'react';
import { KeyHints } from '../components/key-hints.js';
import { type Hint, hintLines } from '../components/layout.js';
import { dropWrapSpace } from '../components/measure.js';
import { ProgressBar } from '../components/progress-bar.js';
import { ScrollView } from '../components/scroll-view.js';
import { wrapText } from '../components/text-width.js';
import { theme } from '../components/theme.js';
import { useUi } from '../components/ui-options.js';
import { type Content, fill } from '../content/content.js';
import { useLatestInput } from '../hooks/use-screen-keys.js';
import { useScroll } from '../hooks/use-scroll.js';
import { describeProblem, describeTeam, readFailure } from '../team/describe.js';
import type { TeamStart } from '../team/load.js';
import { cleanText } from '../text/sanitize.js';
import { flowStepAt, PERSONAL_FLOW, stepText } from '../wizard/flow.js';

/** A team file the wizard found and must ask about, or one it cannot use. */
export type TeamOffer = Extract<TeamStart, { kind: 'ask' | 'broken' }>;

type Props = {
  readonly content: Content;
  readonly offer: TeamOffer;
  /** The user's answer: use the team's guide (only after `y`), or the personal one. */
  readonly onChoose: (useTeam: boolean) => void;
  readonly onQuit: () => void;
  readonly onLanguage: () => void;
};

/**
 * Before the guide starts: a found team file is used only after `y` (keys can arrive in bursts, so Enter is
 * never a yes), with what it changes listed first; a file that cannot be used lists every problem and offers
 * the personal guide. The file's words are shown only after control and format characters are removed.
 */
export function TeamScreen({ content, offer, onChoose, onQuit, onLanguage }: Props) {
  const { columns, rows, ascii, screenReader } = useUi();
  const words = content.team.wizard;
  const scroll = useScroll(true);
  // The answer is taken once. Keys that arrive together can reach this screen after it has answered (it is
  // still mounted until the wizard draws again): an Enter (no) followed by `y` must stay a no.
  const answered = useRef(false);
  const choose = (useTeam: boolean) => {
    answered.current = true;
    onChoose(useTeam);
  };
  useLatestInput((input, key) => {
    if (answered.current) return;
    if (key.upArrow || key.downArrow || key.pageUp || key.pageDown) return;
    if (input === 'q') return onQuit();
    if (input === 'l') return onLanguage();
    if (offer.kind === 'ask') return choose(input === 'y');
    if (key.return) choose(false);
  });
  const path = cleanText(offer.path);
  const lines =
    offer.kind === 'ask'
      ? describeTeam(offer.team, content)
      : offer.failure
        ? [readFailure(offer.failure, path, content.meta.locale === 'ko' ? 'ko' : 'en')]
        : offer.problems.map((problem) => describeProblem(problem, content));
  const title = offer.kind === 'ask' ? fill(words.foundTitle, { team: offer.team.name }) : words.brokenTitle;
  const intro = fill(offer.kind === 'ask' ? words.found : words.broken, { path });
  const question = offer.kind === 'ask' ? words.question : words.personal;
  const hints: Hint[] =
    offer.kind === 'ask'
      ? [
          ['y', words.yes],
          [words.otherKey, words.no],
          ['l', content.ui.hints.lang],
          ['q', content.ui.hints.quit],
        ]
      : [
          ['Enter', words.personalKey],
          ['l', content.ui.hints.lang],
          ['q', content.ui.hints.quit],
        ];
  const items = lines.map((line, index) => ({
    id: `${index}`,
    role: 'must' as const,
    margin: false,
    // A hanging indent: a wrapped item's lines start under its first word, not under the dash.
    lines: screenReader
      ? wrapText(`- ${line}`, columns).length
      : wrapText(line, Math.max(1, columns - 2)).length,
    // A screen reader reads the line as one text (the dash and the item apart would read with a gap).
    node: screenReader ? (
      <Paragraph text={`- ${line}`} />
    ) : (
      <Box>
        <Text>{'- '}</Text>
        <Box flexShrink={1} width={Math.max(1, columns - 2)}>
          <Paragraph text={line} />
        </Box>
      </Box>
    ),
  }));
  // The guide in effect until the yes is the personal one: the line says where the reader is, as every screen does.
  const welcome = stepText(flowStepAt(PERSONAL_FLOW, 0), content, PERSONAL_FLOW.vars).name;
  const used = (list: readonly Hint[]) =>
    1 +
    1 +
    wrapText(title, columns).length +
    1 +
    wrapText(intro, columns).length +
    1 +
    1 +
    wrapText(question, columns).length +
    1 +
    hintLines(list, columns, ascii);
  const height = (list: readonly Hint[]) => Math.max(2, rows - 1 - used(list));
  // A list taller than its window says how to see the rest, before the language and quit keys.
  const scrolls = items.reduce((sum, item) => sum + item.lines, 0) > height(hints);
  const shownHints: Hint[] = scrolls
    ? [...hints.slice(0, -2), ['↑↓', content.ui.hints.scroll], ...hints.slice(-2)]
    : hints;
  return (
    <Box flexDirection="column">
      <ProgressBar
        number={1}
        total={PERSONAL_FLOW.steps.length}
        name={welcome}
        template={content.ui.progress}
      />
      <Box marginTop={1}>
        <Paragraph text={title} style={theme.title} />
      </Box>
      <Box marginTop={1}>
        <Paragraph text={intro} />
      </Box>
      <Box marginTop={1} flexDirection="column">
        <ScrollView items={items} height={height(shownHints)} scroll={scroll} />
      </Box>
      <Box marginTop={1}>
        <Paragraph text={question} style={theme.warning} />
      </Box>
      <Box marginTop={1}>
        <KeyHints hints={shownHints} />
      </Box>
    </Box>
  );
}

/** A wrapped text from the file or the locale files; Ink wraps without trimming, so a line's leading space goes. */
function Paragraph({ text, style }: { readonly text: string; readonly style?: TextProps }) {
  return (
    <Transform transform={dropWrapSpace}>
      <Text wrap="wrap" {...style}>
        {text}
      </Text>
    </Transform>
  );
}
