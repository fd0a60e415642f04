import { Text } from 'ink';
import { keyProblemText } from '../api/explain.js';
import { checkKey, cleanKeyInput } from '../api/key-check.js';
import { ChoiceList } from '../components/choice-list.js';
import { keyToEdit } from '../components/text-field.js';
import { useUi } from '../components/ui-options.js';
import type { Content } from '../content/content.js';
import { fill } from '../content/content.js';
import { useScreenKeys, useWizardControls } from '../hooks/use-screen-keys.js';
import { useSyncReducer, useSyncState } from '../hooks/use-sync-state.js';
import { maskKey } from '../text/secrets.js';
import type { Step } from '../wizard/steps.js';
import { stripControl, textField, textFieldReducer } from '../wizard/text-field.js';
import {
  choiceHints,
  fieldHints,
  nodeBlock,
  plainLine,
  ScreenFrame,
  textBlock,
  textLines,
} from './screen-frame.js';

/** A key the wizard already knows of: OPENAI_API_KEY, or the practice key. */
export type KnownKey = { readonly key: string; readonly source: 'env' | 'demo' };

type Props = {
  readonly step: Step;
  readonly content: Content;
  readonly notice?: string;
  /** OPENAI_API_KEY, or the practice key with --demo. */
  readonly suggested: KnownKey | undefined;
  /** The key chosen before, if the user comes back: in memory only. */
  readonly apiKey: string | undefined;
  readonly onApiKey: (key: string) => void;
};

/** Keeps only what can be part of a key: pastes arrive with markers, line breaks and spaces around them. */
function keyChars(input: string): string {
  return stripControl(input).replace(/\s/g, '');
}

/**
 * The API key: the one in OPENAI_API_KEY (shown masked) or a new one typed into a masked field that shows
 * its length and masked ends, so nobody pastes twice. Checked locally before anything is sent.
 */
export function ApiKeyScreen({ step, content, notice, suggested, apiKey, onApiKey }: Props) {
  const { dispatch } = useWizardControls();
  const [phase, setPhase, currentPhase] = useSyncState<'choose' | 'input'>(suggested ? 'choose' : 'input');
  const [selected, setSelected, currentSelected] = useSyncState(0);
  const [field, edit, currentField] = useSyncReducer(textFieldReducer, textField(''));
  const [problem, setProblem, currentProblem] = useSyncState<string | undefined>(undefined);
  const text = content.steps['api-key'];
  const ui = useUi();

  const problemText = (checked: Exclude<ReturnType<typeof checkKey>, { ok: true }>) =>
    keyProblemText(checked, content);
  // The key from the environment goes through the same local checks as a typed one.
  const accept = (raw: string, fromEnvironment: boolean) => {
    const checked = checkKey(raw);
    if (!checked.ok) {
      setProblem(
        fromEnvironment ? fill(text.envRefused, { problem: problemText(checked) }) : problemText(checked),
      );
      if (fromEnvironment) setPhase('input');
      return;
    }
    onApiKey(checked.key);
    dispatch({ type: 'next' });
  };

  useScreenKeys(
    {
      up: () => setSelected(0),
      down: () => setSelected(1),
      next: () => {
        if (currentSelected() === 0 && suggested) accept(suggested.key, true);
        else setPhase('input');
      },
    },
    'screen',
    () => currentPhase() === 'choose',
  );
  useScreenKeys(
    {
      type: ({ input, key }) => {
        const action = keyToEdit(input, key);
        if (!action) return;
        // After a refusal, what is pasted next replaces the refused key instead of joining it.
        const replace = currentProblem() !== undefined && action.type === 'insert';
        if (replace) edit({ type: 'set', value: '' });
        edit(action.type === 'insert' ? { type: 'insert', text: keyChars(action.text) } : action);
        setProblem(undefined);
      },
      // Back from the test call with a key already taken: Enter on the empty field goes on with it.
      submit: () => {
        if (currentField().value === '' && apiKey !== undefined) return void dispatch({ type: 'next' });
        accept(currentField().value, false);
      },
      back: () => (suggested ? setPhase('choose') : dispatch({ type: 'back' })),
    },
    'field',
    () => currentPhase() === 'input',
  );

  const hints = phase === 'choose' ? choiceHints(content, step) : fieldHints(content);
  // Shown as it will be sent: the post's own `export OPENAI_API_KEY=…` line shows as the key in it.
  const cleaned = cleanKeyInput(field.value);
  const typed = field.value
    ? fill([...cleaned].length === 1 ? text.typedOne : text.typed, {
        length: [...cleaned].length,
        masked: maskKey(cleaned),
      })
    : text.nothingYet;
  const options = [
    { value: 'use', label: text.useEnv },
    { value: 'other', label: text.enterOther },
  ];
  const known =
    suggested?.source === 'demo'
      ? text.demoKey
      : fill(text.envFound, { masked: maskKey(cleanKeyInput(suggested?.key ?? '')) });
  const blocks = [
    textBlock('cause', text.commonCause, ui, { tone: 'warning', margin: true, role: 'more' }),
    ...(phase === 'choose' && suggested
      ? [
          plainLine('known', known, ui, { margin: true }),
          nodeBlock(
            'choices',
            options.reduce((sum, option) => sum + textLines(`❯ ${option.label}`, ui), 0),
            <ChoiceList options={options} selected={selected} />,
          ),
          ...(apiKey ? [plainLine('accepted', fill(text.accepted, { masked: maskKey(apiKey) }), ui)] : []),
        ]
      : [
          plainLine('prompt', text.prompt, ui, { margin: true }),
          nodeBlock(
            'field',
            textLines(`> ${typed}`, ui),
            <Text aria-label={text.prompt}>
              {'> '}
              {typed}
            </Text>,
          ),
          ...(problem ? [textBlock('problem', problem, ui, { tone: 'error' })] : []),
          ...(apiKey && !field.value
            ? [textBlock('kept', fill(text.kept, { masked: maskKey(apiKey) }), ui, { tone: 'hint' })]
            : []),
        ]),
    textBlock('not-stored', text.notStored, ui, { tone: 'hint', margin: true, role: 'more' }),
  ];
  return <ScreenFrame step={step} content={content} hints={hints} notice={notice} blocks={blocks} />;
}
