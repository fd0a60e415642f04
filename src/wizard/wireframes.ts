/** The pictures of the platform's pages (assets/wireframes/), bundled as text. */

import accountTypeNarrow from '../../assets/wireframes/account-type.narrow.txt';
import accountTypeWide from '../../assets/wireframes/account-type.txt';
import addPaymentNarrow from '../../assets/wireframes/add-payment.narrow.txt';
import addPaymentWide from '../../assets/wireframes/add-payment.txt';
import amountNarrow from '../../assets/wireframes/amount.narrow.txt';
import amountWide from '../../assets/wireframes/amount.txt';
import apiKeyNarrow from '../../assets/wireframes/api-key.narrow.txt';
import apiKeyWide from '../../assets/wireframes/api-key.txt';
import autoRechargeNarrow from '../../assets/wireframes/auto-recharge.narrow.txt';
import autoRechargeWide from '../../assets/wireframes/auto-recharge.txt';
import balanceNarrow from '../../assets/wireframes/balance.narrow.txt';
import balanceWide from '../../assets/wireframes/balance.txt';
import billingNarrow from '../../assets/wireframes/billing.narrow.txt';
import billingWide from '../../assets/wireframes/billing.txt';
import cardNarrow from '../../assets/wireframes/card.narrow.txt';
import cardWide from '../../assets/wireframes/card.txt';
import confirmNarrow from '../../assets/wireframes/confirm.narrow.txt';
import confirmWide from '../../assets/wireframes/confirm.txt';
import loginNarrow from '../../assets/wireframes/login.narrow.txt';
import loginWide from '../../assets/wireframes/login.txt';
import settingsNarrow from '../../assets/wireframes/settings.narrow.txt';
import settingsWide from '../../assets/wireframes/settings.txt';

/** A picture in its two sizes: at most 60 and 36 columns, 8 lines each. */
export type Wireframe = { readonly wide: readonly string[]; readonly narrow: readonly string[] };

function lines(text: string): string[] {
  return text.replace(/\n+$/, '').split('\n');
}

/** Every picture by name. */
export const WIREFRAMES = {
  login: { wide: lines(loginWide), narrow: lines(loginNarrow) },
  settings: { wide: lines(settingsWide), narrow: lines(settingsNarrow) },
  billing: { wide: lines(billingWide), narrow: lines(billingNarrow) },
  'add-payment': { wide: lines(addPaymentWide), narrow: lines(addPaymentNarrow) },
  'account-type': { wide: lines(accountTypeWide), narrow: lines(accountTypeNarrow) },
  card: { wide: lines(cardWide), narrow: lines(cardNarrow) },
  amount: { wide: lines(amountWide), narrow: lines(amountNarrow) },
  'auto-recharge': { wide: lines(autoRechargeWide), narrow: lines(autoRechargeNarrow) },
  confirm: { wide: lines(confirmWide), narrow: lines(confirmNarrow) },
  balance: { wide: lines(balanceWide), narrow: lines(balanceNarrow) },
  'api-key': { wide: lines(apiKeyWide), narrow: lines(apiKeyNarrow) },
} as const satisfies Record<string, Wireframe>;

/** The name of a picture. */
export type WireframeName = keyof typeof WIREFRAMES;
