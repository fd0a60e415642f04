import { Box } from 'ink';
import { RichText } from '../components/rich-text.js';
import type { Content } from '../content/content.js';
import { useScreenKeys } from '../hooks/use-screen-keys.js';
import { formatDollars } from '../wizard/amount.js';
import type { WizardState } from '../wizard/reducer.js';
import type { Step } from '../wizard/steps.js';
import { navHints, ScreenFrame } from './screen-frame.js';

type Props = {
  readonly step: Step;
  readonly state: WizardState;
  readonly content: Content;
  readonly notice?: string;
};

/** A step that happens on the platform: read, do it there, come back and press Enter. */
export function GuideScreen({ step, state, content, notice }: Props) {
  useScreenKeys({});
  const amount = state.answers.amount;
  const notes: string[] = [];
  // Card problems show up on the card form and again when the payment is confirmed.
  if (step.id === 'card' || step.id === 'confirm') notes.push(content.steps.card.declined);
  if ((step.id === 'confirm' || step.id === 'balance') && amount) {
    notes.push(content.steps.amount.planned.replace('{amount}', formatDollars(amount)));
  }
  return (
    <ScreenFrame step={step} content={content} hints={navHints(content, step)} notice={notice}>
      {notes.map((note) => (
        <Box key={note} marginTop={1}>
          <RichText text={note} />
        </Box>
      ))}
    </ScreenFrame>
  );
}
