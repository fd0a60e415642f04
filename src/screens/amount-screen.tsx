import { useState } from 'react';
import { PRICE_TABLE, whatItBuys } from '../api/prices.js';
import { keyToEdit, TextField } from '../components/text-field.js';
import { useUi } from '../components/ui-options.js';
import type { Content } from '../content/content.js';
import type { Locale } from '../content/locale.js';
import { formatAbout, formatCompact } from '../content/numbers.js';
import { useScreenKeys, useWizardControls } from '../hooks/use-screen-keys.js';
import { useSyncReducer } from '../hooks/use-sync-state.js';
import { type AmountError, formatDollars, MIN_DOLLARS, parseAmount } from '../wizard/amount.js';
import type { Step } from '../wizard/steps.js';
import { textField, textFieldReducer } from '../wizard/text-field.js';
import { fieldHints, nodeBlock, ScreenFrame, textBlock, textLines } from './screen-frame.js';

type Props = {
  readonly step: Step;
  readonly content: Content;
  readonly locale: Locale;
  readonly notice?: string;
  /** The amount typed before, if the user comes back. */
  readonly amount: string | undefined;
};

/** The initial credit: prefilled with 10, checked on Enter, with what the amount buys shown as you type. */
export function AmountScreen({ step, content, locale, notice, amount }: Props) {
  const { dispatch } = useWizardControls();
  const [field, edit, currentField] = useSyncReducer(textFieldReducer, textField(amount ?? '10'));
  const [error, setError] = useState<AmountError | undefined>();
  const text = content.steps.amount;
  const ui = useUi();

  useScreenKeys(
    {
      type: ({ input, key }) => {
        const action = keyToEdit(input, key);
        if (!action) return;
        edit(action);
        setError(undefined);
      },
      submit: () => {
        const result = parseAmount(currentField().value);
        if (!result.ok) return setError(result.error);
        dispatch({ type: 'answer', answers: { amount: result.value }, advance: true });
      },
    },
    'field',
  );

  const live = parseAmount(field.value);
  const buys = live.ok ? whatItBuys(live.dollars) : undefined;
  const estimateVars =
    buys && live.ok
      ? {
          date: PRICE_TABLE.asOf,
          amount: formatDollars(live.value),
          calls: formatAbout(buys.calls, locale),
          input: formatCompact(buys.inputTokens, locale),
          output: formatCompact(buys.outputTokens, locale),
        }
      : undefined;
  const blocks = [
    // Said only here, never in the printed guide: it is about typing into this screen.
    textBlock('hint', text.hint, ui, { tone: 'hint', margin: true, role: 'more', keep: 0 }),
    nodeBlock(
      'field',
      textLines(`${text.field}${field.value} `, ui),
      <TextField label={text.field} state={field} focused />,
      {
        margin: true,
      },
    ),
    ...(error
      ? [textBlock('error', text.errors[error], ui, { vars: { min: MIN_DOLLARS }, tone: 'error' })]
      : []),
    ...(!error && estimateVars
      ? [textBlock('estimate', text.estimate, ui, { vars: estimateVars, role: 'more' })]
      : []),
    ...(live.ok && live.aboveGuide ? [textBlock('above', text.warnAboveGuide, ui, { tone: 'warning' })] : []),
    textBlock('facts', text.facts, ui, { margin: true, role: 'more' }),
  ];
  return (
    <ScreenFrame step={step} content={content} hints={fieldHints(content)} notice={notice} blocks={blocks} />
  );
}
