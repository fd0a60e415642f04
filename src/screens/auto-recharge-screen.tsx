import { useState } from 'react';
import { ChoiceList } from '../components/choice-list.js';
import { keyToEdit, TextField } from '../components/text-field.js';
import { useUi } from '../components/ui-options.js';
import type { Content } from '../content/content.js';
import { fill } from '../content/content.js';
import { useScreenKeys, useWizardControls } from '../hooks/use-screen-keys.js';
import { useSyncReducer, useSyncState } from '../hooks/use-sync-state.js';
import { formatDollars, MIN_DOLLARS, parseAmount } from '../wizard/amount.js';
import type { Answers } from '../wizard/reducer.js';
import type { Step } from '../wizard/steps.js';
import { type TextFieldState, textField, textFieldReducer } from '../wizard/text-field.js';
import {
  choiceHints,
  fieldHints,
  nodeBlock,
  plainLine,
  ScreenFrame,
  textBlock,
  textLines,
} from './screen-frame.js';

type Props = {
  readonly step: Step;
  readonly content: Content;
  readonly notice?: string;
  /** The answer given before, if the user comes back. */
  readonly saved: Answers['autoRecharge'];
};

type Phase = 'choose' | 'threshold' | 'restore';

/** Off (recommended) or on; when kept on, the threshold and the balance to restore, with a warning. */
export function AutoRechargeScreen({ step, content, notice, saved }: Props) {
  const { dispatch } = useWizardControls();
  const [phase, setPhase, currentPhase] = useSyncState<Phase>('choose');
  const [selected, setSelected, currentSelected] = useSyncState(saved?.enabled ? 1 : 0);
  const [threshold, editThreshold, currentThreshold] = useSyncReducer(
    textFieldReducer,
    textField(saved?.enabled ? saved.threshold : '5'),
  );
  const [restore, editRestore, currentRestore] = useSyncReducer(
    textFieldReducer,
    textField(saved?.enabled ? saved.restoreTo : '10'),
  );
  const [error, setError] = useState<string | undefined>();
  const text = content.steps['auto-recharge'];
  const ui = useUi();
  const errors = content.steps.amount.errors;

  useScreenKeys(
    {
      up: () => setSelected(0),
      down: () => setSelected(1),
      next: () => {
        if (currentSelected() === 0)
          dispatch({ type: 'answer', answers: { autoRecharge: { enabled: false } }, advance: true });
        else setPhase('threshold');
      },
    },
    'screen',
    () => currentPhase() === 'choose',
  );

  const typeInto = (edit: typeof editThreshold) => ({
    type: ({ input, key }: { input: string; key: Parameters<typeof keyToEdit>[1] }) => {
      const action = keyToEdit(input, key);
      if (!action) return;
      edit(action);
      setError(undefined);
    },
  });
  const check = (field: TextFieldState) => {
    const result = parseAmount(field.value);
    if (!result.ok) setError(fill(errors[result.error], { min: MIN_DOLLARS }));
    return result;
  };

  useScreenKeys(
    {
      ...typeInto(editThreshold),
      submit: () => {
        if (check(currentThreshold()).ok) setPhase('restore');
      },
      back: () => {
        setError(undefined);
        setPhase('choose');
      },
    },
    'field',
    () => currentPhase() === 'threshold',
  );
  useScreenKeys(
    {
      ...typeInto(editRestore),
      submit: () => {
        const low = parseAmount(currentThreshold().value);
        const high = check(currentRestore());
        if (!low.ok || !high.ok) return;
        if (high.dollars <= low.dollars) {
          return setError(fill(text.restoreNotAbove, { threshold: formatDollars(low.value) }));
        }
        dispatch({
          type: 'answer',
          answers: { autoRecharge: { enabled: true, threshold: low.value, restoreTo: high.value } },
          advance: true,
        });
      },
      back: () => {
        setError(undefined);
        setPhase('threshold');
      },
    },
    'field',
    () => currentPhase() === 'restore',
  );

  const hints = phase === 'choose' ? choiceHints(content, step) : fieldHints(content);
  const low = parseAmount(threshold.value);
  const high = parseAmount(restore.value);
  const options = [
    { value: 'off', label: text.choices.off },
    { value: 'on', label: text.choices.on },
  ];
  const blocks = [
    nodeBlock(
      'choices',
      options.reduce((sum, option) => sum + textLines(`❯ ${option.label}`, ui), 0),
      <ChoiceList options={options} selected={selected} />,
      { margin: true },
    ),
    ...(phase === 'choose'
      ? []
      : [
          nodeBlock(
            'threshold',
            textLines(`${text.threshold}${threshold.value} `, ui),
            <TextField label={text.threshold} state={threshold} focused={phase === 'threshold'} />,
            { margin: true },
          ),
          ...(phase === 'restore'
            ? [
                nodeBlock(
                  'restore',
                  textLines(`${text.restoreTo}${restore.value} `, ui),
                  <TextField label={text.restoreTo} state={restore} focused />,
                ),
              ]
            : []),
          ...(error ? [plainLine('error', error, ui, { tone: 'error' })] : []),
          textBlock('warning', text.warning, ui, {
            vars: {
              threshold: low.ok ? formatDollars(low.value) : '…',
              restoreTo: high.ok ? formatDollars(high.value) : '…',
            },
            tone: 'warning',
          }),
        ]),
  ];
  return <ScreenFrame step={step} content={content} hints={hints} notice={notice} blocks={blocks} />;
}
