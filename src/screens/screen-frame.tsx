import { Box } from 'ink';
import type { ReactNode } from 'react';
import { type Hint, KeyHints } from '../components/key-hints.js';
import { lineCount } from '../components/measure.js';
import { PageLink } from '../components/page-link.js';
import { ProgressBar } from '../components/progress-bar.js';
import { RichText } from '../components/rich-text.js';
import { useUi } from '../components/ui-options.js';
import { pictureLines, Wireframe } from '../components/wireframe.js';
import type { Content } from '../content/content.js';
import { STEPS, type Step, stepIndex } from '../wizard/steps.js';

type Props = {
  readonly step: Step;
  readonly content: Content;
  /** What this screen adds below its explanation: a choice, a field, a result. */
  readonly children?: ReactNode;
  /** The keys that work here. */
  readonly hints: readonly Hint[];
  /** A one-line note from the wizard (browser, copy, store), shown above the hints. */
  readonly notice?: string;
  /** False once the screen's own content replaces the explanation (a result, a diagnosis). */
  readonly showBody?: boolean;
  /** About how many lines the screen's own content takes, to decide whether the picture fits. */
  readonly contentLines?: number;
};

/** The parts every screen shares: progress, title, explanation, labels, the page link and key hints. */
export function ScreenFrame({
  step,
  content,
  children,
  hints,
  notice,
  showBody = true,
  contentLines = 0,
}: Props) {
  const text = content.steps[step.id];
  const number = stepIndex(step.id) + 1;
  const labels = step.labels.map((label) => `\`${label}\``).join('  ');
  const { columns, rows, screenReader } = useUi();
  // The picture shows when the whole screen still fits the terminal; screen readers skip it.
  const body = showBody ? text.body : [];
  const used =
    1 +
    (1 + lineCount(text.title, columns)) +
    body.reduce((sum, paragraph) => sum + 1 + lineCount(paragraph, columns), 0) +
    (labels ? 1 + lineCount(`${content.ui.lookFor} ${labels}`, columns) : 0) +
    (step.url ? 2 + lineCount(step.url, columns) : 0) +
    (notice ? 1 + lineCount(notice, columns) : 0) +
    (1 + lineCount(hints.map(([key, action]) => `${key} ${action}`).join(' · '), columns)) +
    contentLines;
  const picture = step.wireframe && !screenReader ? pictureLines(step.wireframe.name, columns) : undefined;
  // One row spare: a frame as tall as the terminal makes Ink clear the screen on every redraw.
  const showPicture = picture !== undefined && used + 1 + picture.length <= rows - 1;
  return (
    <Box flexDirection="column">
      <ProgressBar number={number} total={STEPS.length} name={text.name} template={content.ui.progress} />
      <Box marginTop={1}>
        <RichText text={text.title} tone="title" />
      </Box>
      {body.map((paragraph) => (
        <Box key={paragraph} marginTop={1}>
          <RichText text={paragraph} />
        </Box>
      ))}
      {labels ? (
        <Box marginTop={1}>
          <RichText text={`${content.ui.lookFor} ${labels}`} />
        </Box>
      ) : null}
      {showPicture && step.wireframe ? (
        <Box marginTop={1}>
          <Wireframe name={step.wireframe.name} mark={step.wireframe.mark} />
        </Box>
      ) : null}
      {children}
      {step.url ? (
        <Box marginTop={1}>
          <PageLink url={step.url} text={content.ui.openLink} />
        </Box>
      ) : null}
      {notice ? (
        <Box marginTop={1}>
          <RichText text={notice} tone="warning" />
        </Box>
      ) : null}
      <Box marginTop={1}>
        <KeyHints hints={hints} />
      </Box>
    </Box>
  );
}

/** The usual key hints for a screen without a text field. */
export function navHints(content: Content, step: Step, extra: readonly Hint[] = []): Hint[] {
  const h = content.ui.hints;
  const first = stepIndex(step.id) === 0;
  return [
    ...extra,
    ...(extra.some(([key]) => key === 'Enter') ? [] : ([['Enter', h.next]] as Hint[])),
    ...(first ? [] : ([['←', h.back]] as Hint[])),
    ['s', h.steps],
    ...(step.url ? ([['o', h.open]] as Hint[]) : []),
    ['?', h.help],
    ['l', h.lang],
    ['q', h.quit],
  ];
}

/** Key hints while a choice has the keyboard: move, choose, and the usual ones. */
export function choiceHints(content: Content, step: Step): Hint[] {
  const h = content.ui.hints;
  return navHints(content, step, [
    ['↑↓', h.move],
    ['Enter', h.choose],
  ]);
}

/** Key hints for a screen whose text field has the keyboard. */
export function fieldHints(content: Content): Hint[] {
  const h = content.ui.hints;
  return [
    ['Enter', h.submit],
    ['Esc', h.back],
    ['Ctrl+C', h.quit],
  ];
}
