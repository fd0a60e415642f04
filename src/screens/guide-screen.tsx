import { Box } from 'ink';
import { lineCount } from '../components/measure.js';
import { RichText } from '../components/rich-text.js';
import { useUi } from '../components/ui-options.js';
import type { Content } from '../content/content.js';
import { fill } from '../content/content.js';
import { useScreenKeys } from '../hooks/use-screen-keys.js';
import { formatDollars } from '../wizard/amount.js';
import type { Step } from '../wizard/steps.js';
import { navHints, ScreenFrame } from './screen-frame.js';

type Props = {
  readonly step: Step;
  readonly content: Content;
  readonly notice?: string;
  /** The amount planned on the amount step, repeated where the payment is confirmed. */
  readonly plannedAmount?: string;
};

/** A step that happens on the platform: read, do it there, come back and press Enter. */
export function GuideScreen({ step, content, notice, plannedAmount }: Props) {
  useScreenKeys({});
  const { columns } = useUi();
  const amount = plannedAmount;
  const notes: string[] = [];
  // Card problems show up on the card form and again when the payment is confirmed.
  if (step.id === 'card' || step.id === 'confirm') notes.push(content.steps.card.declined);
  if ((step.id === 'confirm' || step.id === 'balance') && amount) {
    notes.push(fill(content.steps.amount.planned, { amount: formatDollars(amount) }));
  }
  return (
    <ScreenFrame
      step={step}
      content={content}
      hints={navHints(content, step)}
      notice={notice}
      contentLines={notes.reduce((sum, note) => sum + 1 + lineCount(note, columns), 0)}
    >
      {notes.map((note) => (
        <Box key={note} marginTop={1}>
          <RichText text={note} />
        </Box>
      ))}
    </ScreenFrame>
  );
}
