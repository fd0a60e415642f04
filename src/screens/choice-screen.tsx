import { ChoiceList } from '../components/choice-list.js';
import { useUi } from '../components/ui-options.js';
import type { Content } from '../content/content.js';
import { useScreenKeys, useWizardControls } from '../hooks/use-screen-keys.js';
import { useSyncState } from '../hooks/use-sync-state.js';
import type { Answers } from '../wizard/reducer.js';
import type { Step } from '../wizard/steps.js';
import { choiceHints, nodeBlock, ScreenFrame, textBlock, textLines } from './screen-frame.js';

type Props = {
  readonly step: Step;
  readonly content: Content;
  readonly notice?: string;
  /** The answer given before, if the user comes back. */
  readonly accountType: Answers['accountType'];
};

const ACCOUNT_TYPES = ['individual', 'company'] as const;

/** Individual or Company: ↑ ↓ to move, Enter to choose and go on. The answer is recorded. */
export function ChoiceScreen({ step, content, notice, accountType }: Props) {
  const { dispatch } = useWizardControls();
  const ui = useUi();
  const [selected, setSelected, currentSelected] = useSyncState(
    Math.max(0, ACCOUNT_TYPES.indexOf(accountType ?? 'individual')),
  );
  const choose = () => {
    const value = ACCOUNT_TYPES[currentSelected()] ?? 'individual';
    dispatch({ type: 'answer', answers: { accountType: value }, advance: true });
  };
  useScreenKeys({
    up: () => setSelected((index) => Math.max(0, index - 1)),
    down: () => setSelected((index) => Math.min(ACCOUNT_TYPES.length - 1, index + 1)),
    next: choose,
  });
  const choices = content.steps['account-type'].choices;
  const options = ACCOUNT_TYPES.map((value) => ({ value, label: choices[value] }));
  const lines = options.reduce((sum, option) => sum + textLines(`❯ ${option.label}`, ui), 0);
  return (
    <ScreenFrame
      step={step}
      content={content}
      notice={notice}
      hints={choiceHints(content, step)}
      blocks={[
        // Said only here, never in the printed guide: it is about choosing on this screen.
        textBlock('hint', content.steps['account-type'].hint, ui, { tone: 'hint', margin: true }),
        nodeBlock('choices', lines, <ChoiceList options={options} selected={selected} />, { margin: true }),
      ]}
    />
  );
}
