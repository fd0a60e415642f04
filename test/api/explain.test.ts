import { describe, expect, it } from 'vitest';
import { diagnose, kindOf, waitFromLimits } from '../../src/api/diagnose.js';
import { readApiError, readHeaders } from '../../src/api/edge.js';
import {
  CODE_VARIANTS,
  type Explanation,
  explain,
  formatWait,
  HELP_PAGES,
  jsonMessage,
  keyProblemText,
} from '../../src/api/explain.js';
import { checkKey } from '../../src/api/key-check.js';
import type { DetailKey, Diagnosis, FailureKind } from '../../src/api/outcomes.js';
import { failureResult } from '../../src/api/report.js';
import { summaryOf } from '../../src/commands/check.js';
import { type Content, contentFor } from '../../src/content/content.js';
import type { Locale } from '../../src/content/locale.js';
import type { Shell } from '../../src/text/shell.js';
import { PAGES } from '../../src/wizard/steps.js';
import { EXAMPLES, FAILURE_KINDS } from '../helpers/diagnoses.js';

const LOCALES: readonly Locale[] = ['en', 'ko'];
const SHELLS: readonly Shell[] = ['bash', 'zsh', 'fish', 'powershell', 'cmd'];
/** A `{token}` of any name: none may be left in what is shown. */
const TOKEN = /\{[a-zA-Z][a-zA-Z0-9]*\}/;
const en = contentFor('en');
const ko = contentFor('ko');

/** What the producers of each detail put in detailVars (the machine, the driver, the session). */
const DETAIL_VARS: Partial<Record<DetailKey, Diagnosis['detailVars']>> = {
  unexpected: { message: 'socket hang up' },
  proxyEnv: { variable: 'HTTPS_PROXY' },
  headerEnv: { variable: 'OPENAI_ORG_ID' },
};
const DETAILS = Object.keys(en.details) as DetailKey[];

/** Server messages that change the words: a project named, a wait named, a daily limit, missing scopes. */
const MESSAGES: readonly (string | null)[] = [
  null,
  'Project `proj_QRf115YMnQwMUdTI9cu2sWQ8` does not have access to model `gpt-4o-mini`',
  'Rate limit reached on requests per day (RPD): Limit 200, Used 200. Please try again in 7m12s.',
  'You have insufficient permissions for this operation. Missing scopes: model.request, api.model.read.',
  'Your project has reached its configured enforced spend limit.',
];

/** Every combination that changes a word: kind × code × detail × message, sent headers × shell, waits. */
function everyDiagnosis(): Diagnosis[] {
  const out: Diagnosis[] = [];
  for (const kind of FAILURE_KINDS) {
    const codes = [null, EXAMPLES[kind].code, ...Object.keys(CODE_VARIANTS[kind] ?? {})];
    for (const code of codes)
      for (const serverMessage of MESSAGES)
        for (const detail of [undefined, ...DETAILS]) {
          out.push({
            kind,
            status: 400,
            code,
            serverMessage,
            ...(detail ? { detail, detailVars: DETAIL_VARS[detail] } : {}),
          });
        }
    for (const sent of [
      undefined,
      ...[false, true].flatMap((o) => [false, true].map((p) => ({ organization: o, project: p }))),
    ])
      for (const code of codes) out.push({ ...EXAMPLES[kind], code, ...(sent ? { sent } : {}) });
    for (const retryAfterMs of [0, 1, 300, 11_122, 432_000, 3_600_000, 7_260_000])
      out.push({ ...EXAMPLES[kind], retryAfterMs });
    out.push({ ...EXAMPLES[kind], requestId: null, serverMessage: null });
  }
  return out;
}

/** Every sentence an explanation shows, as the view and `check` show them. */
function shown(explanation: Explanation, content: Content): string[] {
  return [
    explanation.title,
    explanation.meaning,
    explanation.action,
    ...explanation.notes,
    ...(explanation.command
      ? [explanation.command.intro, explanation.command.line, explanation.command.after]
      : []),
    ...explanation.links.map((link) => `${link.label} ${link.url}`),
    explanation.retry,
    explanation.step?.name ?? '',
    jsonMessage(explanation, content),
  ];
}

describe('every message of every outcome', () => {
  it('leaves no {token} unfilled, for any code, detail, server message, sent header, shell, wait or language', () => {
    const diagnoses = everyDiagnosis();
    let checked = 0;
    for (const locale of LOCALES) {
      const content = contentFor(locale);
      for (const diagnosis of diagnoses) {
        for (const shell of diagnosis.sent ? SHELLS : (['bash'] as const)) {
          // fill() throws on a token without a value here (tests run outside the production bundle).
          const { explanation, report } = failureResult(diagnosis, content, 'gpt-4o-mini', {
            context: { shell, timeoutSeconds: 60 },
          });
          if (!explanation) throw new Error('a failure has an explanation');
          const summary = summaryOf({ explanation, report }, content, 'gpt-4o-mini', locale);
          for (const text of [
            ...shown(explanation, content),
            report.error?.message ?? '',
            summary?.text ?? '',
          ]) {
            expect(text, `${diagnosis.kind} ${diagnosis.code} ${diagnosis.detail} ${locale}`).not.toMatch(
              TOKEN,
            );
            checked += 1;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(10_000);
  });

  it('gives every failure kind a title, a meaning, an action and a sentence on retrying, in both languages', () => {
    for (const locale of LOCALES)
      for (const kind of FAILURE_KINDS) {
        const explanation = explain(EXAMPLES[kind], contentFor(locale), 'gpt-4o-mini');
        for (const text of [explanation.title, explanation.meaning, explanation.action, explanation.retry])
          expect(text.trim().length, `${kind} ${locale}`).toBeGreaterThan(0);
      }
  });
});

describe('a spending limit', () => {
  it.each(Object.entries(CODE_VARIANTS['spend-limit'] ?? {}))(
    '%s has its own title, the Limits page, who may raise it, and no waiting',
    (code, variant) => {
      const explanation = explain(
        { ...EXAMPLES['spend-limit'], code, serverMessage: null },
        en,
        'gpt-4o-mini',
      );
      const words = en.outcomes['spend-limit'];
      expect(explanation.title).toBe(
        (words.variants as Record<string, { title: string }>)[variant]?.title ?? words.title,
      );
      expect(explanation.links.map((link) => link.url)).toEqual([PAGES.limits]);
      expect(explanation.notes.join(' ')).toContain('Only an organization owner can change limits');
      expect(explanation.notes.join(' ')).toContain('Waiting for credit does not help');
      expect(explanation.retry).toBe(words.retry);
      expect(explanation.step).toBeNull();
    },
  );

  it("links a project's own Limits page when the server names the project, instead of the organization's", () => {
    const explanation = explain(EXAMPLES['spend-limit'], en, 'gpt-4o-mini');
    expect(explanation.title).toBe("The project's budget was reached");
    expect(explanation.links).toEqual([
      {
        label: "The project's Limits page",
        url: 'https://platform.openai.com/settings/proj_QRf115YMnQwMUdTI9cu2sWQ8/limits',
      },
    ]);
  });

  it('is told apart from no credit by its message too, when the code is insufficient_quota', () => {
    const error = readApiError({
      error: {
        message: 'Your project has reached its configured enforced spend limit.',
        type: 'insufficient_quota',
        code: 'insufficient_quota',
      },
    });
    expect(kindOf(429, error)).toBe('spend-limit');
  });
});

describe('no credit', () => {
  it('gives each usual cause what helps for that cause, and says waiting helps only the first', () => {
    const explanation = explain(EXAMPLES['no-credit'], en, 'gpt-4o-mini');
    expect(explanation.title).toBe('No credit yet');
    expect(explanation.notes).toEqual([
      'Usual causes, and what helps for each:',
      '- not arrived yet (minutes, sometimes hours): wait a little, then try again',
      '- a key from an organization without the credit: use a key from the organization that has it',
      '- a project budget or monthly limit is used up: raise it on the Limits page',
      '- no prepaid balance at all (ChatGPT Plus is not API credit): buy credit',
    ]);
    expect(explanation.retry).toContain('only the first goes away by waiting');
    expect(explanation.links.map((link) => link.url)).toEqual([PAGES.billing, PAGES.limits]);
  });

  it('says "top up", not "not yet", when the credit is used up (credit_balance_exhausted)', () => {
    for (const [content, words] of [
      [en, ['used up', 'Top up']],
      [ko, ['다 썼습니다', '충전하세요']],
    ] as const) {
      const explanation = explain(
        { ...EXAMPLES['no-credit'], code: 'credit_balance_exhausted' },
        content,
        'gpt-4o-mini',
      );
      expect(explanation.title).toContain(words[0]);
      expect(explanation.action).toContain(words[1]);
      expect(`${explanation.title} ${explanation.meaning}`).not.toMatch(/not yet|yet\b|아직/);
      expect(explanation.notes).toEqual([]);
      expect(explanation.links.map((link) => link.url)).toEqual([PAGES.billing]);
    }
  });
});

describe('a timeout', () => {
  const timeout: Diagnosis = {
    kind: 'network',
    status: null,
    code: null,
    serverMessage: null,
    detail: 'timeout',
    detailVars: { seconds: 30 },
  };

  it('says it took longer than the limit and how to give it longer, proxy advice after', () => {
    const explanation = explain(timeout, en, 'gpt-4o-mini');
    expect(explanation.title).toBe('The call took too long');
    expect(explanation.meaning).toBe('No answer in time: the whole check took longer than its 30 s limit.');
    expect(explanation.action).toContain('openai-topup --timeout 120');
    expect(explanation.action).not.toContain('HTTPS_PROXY');
    expect(explanation.notes).toEqual([en.outcomes.network.proxyAfterTimeout]);
  });

  it('takes the limit from the check when the diagnosis does not carry it', () => {
    const explanation = explain({ ...timeout, detail: 'headersTimeout', detailVars: {} }, ko, 'gpt-4o-mini', {
      timeoutSeconds: 600,
    });
    expect(explanation.action).toContain('--timeout 1200');
    expect(explanation.action).toContain('600초');
  });

  it('is not a timeout when connecting failed: that is the network', () => {
    const explanation = explain({ ...timeout, detail: 'connectTimeout' }, en, 'gpt-4o-mini');
    expect(explanation.title).toBe(en.outcomes.network.title);
    expect(explanation.action).toContain('HTTPS_PROXY');
  });
});

describe('the dead ends, with a way out', () => {
  it('region: says where the API is offered and where the list is, and that a VPN or proxy may send the call abroad', () => {
    const words = explain(EXAMPLES.region, en, 'gpt-4o-mini');
    expect(words.action).toContain('only in the countries and regions on its list, linked below');
    expect(words.action).toContain('VPN');
    expect(words.links).toEqual([{ label: 'Supported countries', url: HELP_PAGES.countries }]);
    const korean = explain(EXAMPLES.region, ko, 'gpt-4o-mini').action;
    expect(korean).toContain('(목록은 아래 링크)');
    // Never advice to reach the API through another network (a VPN against OpenAI's terms).
    for (const action of [words.action, korean]) expect(action).not.toMatch(/another network|다른 네트워크/);
    expect(words.action).not.toContain('cannot fix');
  });

  it('account deactivated: the help centre, what to ask about, and the request id to quote', () => {
    const words = explain(EXAMPLES['account-deactivated'], en, 'gpt-4o-mini');
    expect(words.links).toEqual([{ label: 'OpenAI help centre', url: 'https://help.openai.com' }]);
    expect(words.action).toContain('If you have just paid for credit');
    expect(words.notes).toEqual(['Request ID to quote: req_0123456789abcdef0123456789abcdef']);
  });

  it.each([
    [11_122, 'en', '12 s'],
    [300, 'en', '1 s'],
    [0, 'en', undefined],
    [432_000, 'en', '7 min 12 s'],
    [432_000, 'ko', '7분 12초'],
    [7_260_000, 'ko', '2시간 1분'],
  ] as const)('rate limit: a wait of %i ms reads, in %s, %j', (ms, locale, wait) => {
    const words = explain(
      { ...EXAMPLES['rate-limit'], retryAfterMs: ms, serverMessage: null },
      contentFor(locale),
      'x',
    );
    const notes = words.notes.join(' ');
    if (wait) expect(notes).toContain(wait);
    expect(`${notes} ${words.retry}`).not.toMatch(/\b0 s\b|(^|\s)0초/);
    expect(words.links.map((link) => link.url)).toEqual([PAGES.limits]);
  });

  it('rate limit: the wait in the message counts when the header asks less, and a daily limit says so', () => {
    const words = explain(
      {
        ...EXAMPLES['rate-limit'],
        retryAfterMs: 300,
        serverMessage: 'Rate limit reached on requests per day (RPD): Limit 200. Please try again in 7m12s.',
      },
      en,
      'gpt-4o-mini',
    );
    expect(words.notes[0]).toBe('OpenAI asks to wait 7 min 12 s.');
    expect(words.notes[1]).toContain('daily request limit of a free-tier account');
    expect(words.retry).toBe('Trying again after 7 min 12 s may help.');
  });

  it('rate limit: the wait comes from the reset headers when nothing else names one', () => {
    expect(
      diagnose(
        429,
        readApiError({ error: { message: 'Rate limit reached.', code: 'rate_limit_exceeded' } }),
        readHeaders({
          'x-ratelimit-remaining-requests': '0',
          'x-ratelimit-reset-requests': '7m12s',
          'x-ratelimit-remaining-tokens': '100',
          'x-ratelimit-reset-tokens': '20ms',
        }),
      ).retryAfterMs,
    ).toBe(432_000);
    expect(waitFromLimits(null)).toBeUndefined();
  });

  describe('organization mismatch', () => {
    const mismatch = (sent?: Diagnosis['sent'], code = 'mismatched_organization'): Diagnosis => ({
      ...EXAMPLES.organization,
      code,
      ...(sent ? { sent } : { sent: undefined }),
    });

    it('says when nothing was sent, and never "the organization you sent"', () => {
      const words = explain(mismatch({ organization: false, project: false }), en, 'gpt-4o-mini');
      expect(words.meaning).toBe(en.outcomes.organization.nothingSent);
      expect(words.notes).toEqual([
        'OPENAI_ORG_ID and OPENAI_PROJECT_ID are not set, so only the key chose the organization.',
      ]);
      expect(words.command).toBeNull();
      expect(`${words.meaning} ${words.action}`).not.toMatch(/named an organization|you sent/);
    });

    it.each([
      ['bash', { organization: true, project: false }, 'unset OPENAI_ORG_ID', '~/.bashrc'],
      ['zsh', { organization: false, project: true }, 'unset OPENAI_PROJECT_ID', '~/.zshrc'],
      [
        'fish',
        { organization: true, project: true },
        'set -e OPENAI_ORG_ID OPENAI_PROJECT_ID',
        'config.fish',
      ],
      ['powershell', { organization: true, project: false }, 'Remove-Item Env:OPENAI_ORG_ID', 'setx'],
      ['cmd', { organization: false, project: true }, 'set OPENAI_PROJECT_ID=', 'setx'],
    ] as const)(
      'in %s, with %j sent, names the variables and how to unset them: %s',
      (shell, sent, line, where) => {
        const words = explain(mismatch(sent), en, 'gpt-4o-mini', { shell });
        expect(words.command?.line).toBe(line);
        expect(words.command?.intro).toContain(`(${shell})`);
        expect(words.command?.after).toContain(where);
        const named = words.notes.join(' ');
        expect(named.includes('OPENAI_ORG_ID')).toBe(sent.organization);
        expect(named.includes('OPENAI_PROJECT_ID')).toBe(sent.project);
      },
    );

    it('has words of its own for a project that does not match, and for no organization at all', () => {
      expect(explain(mismatch(undefined, 'mismatched_project'), en, 'x').title).toBe('Project mismatch');
      expect(explain(mismatch(undefined, 'no_organization'), en, 'x').title).toBe('No organization');
      expect(kindOf(401, readApiError({ error: { code: 'mismatched_project', message: 'x' } }))).toBe(
        'organization',
      );
    });
  });

  it('missing scope: names the permission, the API keys page and the members page', () => {
    const words = explain(EXAMPLES['missing-scope'], en, 'gpt-4o-mini');
    expect(words.notes).toEqual(['Missing permission: model.request']);
    expect(words.links.map((link) => link.url)).toEqual([PAGES.apiKeys, HELP_PAGES.members]);
    expect(HELP_PAGES.members).toBe('https://platform.openai.com/settings/organization/people');
  });

  it("model: uses the server's reason when it names the project, and says how to run with another model", () => {
    const words = explain(EXAMPLES.model, en, 'gpt-4o-mini');
    expect(words.meaning).toBe(
      "OpenAI says the key's project (proj_QRf115YMnQwMUdTI9cu2sWQ8) may not use gpt-4o-mini.",
    );
    expect(words.action).toContain('openai-topup --model gpt-4.1-mini');
    expect(words.links[0]?.url).toBe(
      'https://platform.openai.com/settings/proj_QRf115YMnQwMUdTI9cu2sWQ8/limits',
    );
    const notFound = explain({ ...EXAMPLES.model, serverMessage: null }, en, 'gpt-4');
    expect(notFound.action).toContain('--model gpt-4o-mini');
    expect(notFound.links.map((link) => link.url)).toEqual([PAGES.limits]);
  });

  it('an Anthropic key: names the prefixes that tell the keys apart, in good grammar', () => {
    const checked = checkKey(`sk-ant-api03-${'FAKE'.repeat(20)}`);
    if (checked.ok) throw new Error('refused');
    const text = keyProblemText(checked, en);
    expect(text).toBe(
      'This looks like a key for Anthropic (it starts with sk-ant-), not for OpenAI. OpenAI keys start with sk-proj-, sk-svcacct- or sk-.',
    );
    expect(text).not.toMatch(/\ba Anthropic\b/);
    expect(keyProblemText(checked, ko)).toContain('sk-ant-');
  });
});

describe('waits in the user’s language', () => {
  it.each([
    [1, 'en', '1 s'],
    [59_001, 'en', '1 min'],
    [61_000, 'en', '1 min 1 s'],
    [3_600_000, 'en', '1 h'],
    [5_400_000, 'ko', '1시간 30분'],
    [90_000, 'ko', '1분 30초'],
  ] as const)('%i ms in %s is %j', (ms, locale, text) => {
    expect(formatWait(ms, contentFor(locale))).toBe(text);
  });
});

describe("check's summary in practice mode", () => {
  it('says, after the first line, that the practice server answered', () => {
    for (const kind of ['no-credit', 'server'] as const) {
      const result = failureResult(EXAMPLES[kind], en, 'gpt-4o-mini');
      const lines = summaryOf(result, en, 'gpt-4o-mini', 'en', true)?.text.split('\n') ?? [];
      expect(lines[1]).toBe(`  ${en.steps['test-call'].practiceResult}`);
      expect(summaryOf(result, en, 'gpt-4o-mini', 'en', false)?.text).not.toContain('practice server');
    }
  });
});

describe("check's summary of every failure kind", () => {
  it.each(LOCALES.flatMap((locale) => FAILURE_KINDS.map((kind) => [kind, locale] as const)))(
    '%s in %s: title, meaning, action, pages, retrying and the step',
    (kind: FailureKind, locale) => {
      const content = contentFor(locale);
      const result = failureResult(EXAMPLES[kind], content, 'gpt-4o-mini');
      const summary = summaryOf(result, content, 'gpt-4o-mini', locale);
      const explanation = result.explanation;
      if (!summary || !explanation) throw new Error('a failure has a summary');
      expect(summary.stream).toBe('stderr');
      const lines = summary.text.split('\n');
      expect(lines[0]).toBe(`✗ ${explanation.title}`);
      for (const text of [explanation.meaning, explanation.action, explanation.retry, ...explanation.notes])
        expect(lines).toContain(`  ${text}`);
      for (const link of explanation.links) expect(summary.text).toContain(link.url);
      if (explanation.step) expect(summary.text).toContain(`${explanation.step.number}`);
      expect(summary.text).not.toMatch(TOKEN);
    },
  );
});
