import { useUi } from '../components/ui-options.js';
import { type Content, fill } from '../content/content.js';
import { useScreenKeys } from '../hooks/use-screen-keys.js';
import { describeTeam } from '../team/describe.js';
import type { TeamInUse } from '../team/load.js';
import { formatDollars } from '../wizard/amount.js';
import type { FlowStep } from '../wizard/flow.js';
import { navHints, ScreenFrame, textBlock } from './screen-frame.js';

type Props = {
  readonly step: FlowStep;
  readonly content: Content;
  readonly notice?: string;
  /** The amount planned on the amount step, repeated where the payment is confirmed. */
  readonly plannedAmount?: string;
  /** The team file in use: the welcome screen says which, and what it changes. */
  readonly team?: TeamInUse;
};

/** A step that happens on the platform: read, do it there, come back and press Enter. */
export function GuideScreen({ step, content, notice, plannedAmount, team }: Props) {
  useScreenKeys({});
  const ui = useUi();
  const blocks = [
    ...(step.id === 'welcome' && team
      ? [
          textBlock('team', fill(content.team.wizard.inUse, { path: team.path, team: team.file.name }), ui, {
            margin: true,
          }),
          ...describeTeam(team.file, content).map((line, i) =>
            textBlock(`team-${i}`, line, ui, { role: 'more' }),
          ),
        ]
      : []),
    // Card problems show up on the card form and again when the payment is confirmed.
    ...(step.id === 'card' || step.id === 'confirm'
      ? [textBlock('declined', content.steps.card.declined, ui, { margin: true, role: 'more' })]
      : []),
    ...((step.id === 'confirm' || step.id === 'balance') && plannedAmount
      ? [
          textBlock(
            'planned',
            fill(content.steps.amount.planned, { amount: formatDollars(plannedAmount) }),
            ui,
            {
              margin: true,
            },
          ),
        ]
      : []),
  ];
  return (
    <ScreenFrame
      step={step}
      content={content}
      hints={navHints(content, step)}
      notice={notice}
      blocks={blocks}
    />
  );
}
