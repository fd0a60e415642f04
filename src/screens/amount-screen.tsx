import { Box } from 'ink';
import { useState } from 'react';
import { PRICE_TABLE, whatItBuys } from '../api/prices.js';
import { linesOf } from '../components/measure.js';
import { RichText } from '../components/rich-text.js';
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
import { fieldHints, ScreenFrame } from './screen-frame.js';

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
  const { columns } = useUi();

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
  return (
    <ScreenFrame
      step={step}
      content={content}
      hints={fieldHints(content)}
      notice={notice}
      // The field, the estimate (or error) and the warning, then the facts after a blank line.
      contentLines={
        2 +
        linesOf(
          [
            `${text.field}${field.value}`,
            text.estimate,
            live.ok && live.aboveGuide && text.warnAboveGuide,
            text.facts,
          ],
          columns,
        )
      }
    >
      <Box marginTop={1}>
        <TextField label={text.field} state={field} focused />
      </Box>
      {error ? (
        <RichText text={text.errors[error]} vars={{ min: MIN_DOLLARS }} tone="error" />
      ) : live.ok && buys ? (
        <RichText
          text={text.estimate}
          vars={{
            date: PRICE_TABLE.asOf,
            amount: formatDollars(live.value),
            calls: formatAbout(buys.calls, locale),
            input: formatCompact(buys.inputTokens, locale),
            output: formatCompact(buys.outputTokens, locale),
          }}
        />
      ) : null}
      {live.ok && live.aboveGuide ? <RichText text={text.warnAboveGuide} tone="warning" /> : null}
      <Box marginTop={1}>
        <RichText text={text.facts} />
      </Box>
    </ScreenFrame>
  );
}
