import { Box, Text } from 'ink';
import { keyProblemText } from '../api/explain.js';
import { checkKey, cleanKeyInput } from '../api/key-check.js';
import type { KnownKey } from '../app-services.js';
import { ChoiceList } from '../components/choice-list.js';
import { linesOf } from '../components/measure.js';
import { RichText } from '../components/rich-text.js';
import { keyToEdit } from '../components/text-field.js';
import { useUi } from '../components/ui-options.js';
import type { Content } from '../content/content.js';
import { fill } from '../content/content.js';
import { useScreenKeys, useWizardControls } from '../hooks/use-screen-keys.js';
import { useSyncReducer, useSyncState } from '../hooks/use-sync-state.js';
import { maskKey } from '../text/secrets.js';
import type { Step } from '../wizard/steps.js';
import { stripControl, textField, textFieldReducer } from '../wizard/text-field.js';
import { choiceHints, fieldHints, ScreenFrame } from './screen-frame.js';

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
  const { columns } = useUi();

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
      submit: () => accept(currentField().value, false),
      back: () => (suggested ? setPhase('choose') : dispatch({ type: 'back' })),
    },
    'field',
    () => currentPhase() === 'input',
  );

  const hints = phase === 'choose' ? choiceHints(content, step) : fieldHints(content);
  return (
    <ScreenFrame
      step={step}
      content={content}
      hints={hints}
      notice={notice}
      contentLines={
        3 +
        linesOf(
          [
            text.commonCause,
            phase === 'choose' ? text.envFound : text.prompt,
            text.typed,
            problem,
            text.notStored,
          ],
          columns,
        ) +
        (phase === 'choose' ? 2 : 0)
      }
    >
      <Box marginTop={1}>
        <RichText text={text.commonCause} tone="warning" />
      </Box>
      {phase === 'choose' && suggested ? (
        <Box flexDirection="column" marginTop={1}>
          <Text>
            {suggested.source === 'demo'
              ? text.demoKey
              : fill(text.envFound, { masked: maskKey(cleanKeyInput(suggested.key)) })}
          </Text>
          <ChoiceList
            options={[
              { value: 'use', label: text.useEnv },
              { value: 'other', label: text.enterOther },
            ]}
            selected={selected}
          />
        </Box>
      ) : (
        <Box flexDirection="column" marginTop={1}>
          <Text>{text.prompt}</Text>
          <Text aria-label={text.prompt}>
            {'> '}
            {field.value
              ? fill(text.typed, { length: [...field.value].length, masked: maskKey(field.value) })
              : text.nothingYet}
          </Text>
          {problem ? <RichText text={problem} tone="error" /> : null}
        </Box>
      )}
      {apiKey && phase === 'choose' ? <Text>{fill(text.accepted, { masked: maskKey(apiKey) })}</Text> : null}
      <Box marginTop={1}>
        <RichText text={text.notStored} tone="hint" />
      </Box>
    </ScreenFrame>
  );
}
