/**
 * Words for a diagnosis, in the user's language: the same for the wizard's failure view, `check`'s summary
 * and `check --json`'s error.message. What differs by cause is data: which words (a kind's variant for a
 * code, a detail or what the server named), which pages, which notes. Pure.
 */
import { type Content, fill, plain } from '../content/content.js';
import { keepKeyLine, type OrgVariable, type Shell, unsetLine } from '../text/shell.js';
import { type Flow, flowIndex, flowStepAt, PERSONAL_FLOW, stepText } from '../wizard/flow.js';
import { PAGES, type StepId } from '../wizard/steps.js';
import { waitFromMessage } from './diagnose.js';
import type { KeyCheck } from './key-check.js';
import { type Diagnosis, type FailureKind, OUTCOMES, type OutcomeKind, TIMEOUT_DETAILS } from './outcomes.js';
import { PRICE_TABLE } from './prices.js';

/** A page that helps, with what it is. */
export type Link = { readonly label: string; readonly url: string };

/** A diagnosis ready to show. */
export type Explanation = {
  readonly kind: OutcomeKind;
  readonly title: string;
  readonly meaning: string;
  readonly action: string;
  /** Extra advice lines: each cause with what helps for it, what the server named, what was sent. */
  readonly notes: readonly string[];
  /** The notes a team file adds (which organization and project it expects, whom to ask): also in JSON. */
  readonly teamNotes?: readonly string[];
  /** A line to run in the user's shell (unsetting a variable): the sentence before it, and one after. */
  readonly command: { readonly intro: string; readonly line: string; readonly after: string } | null;
  /** Pages that help. */
  readonly links: readonly Link[];
  /** Whether and when trying again helps: a sentence. */
  readonly retry: string;
  readonly serverMessage: string | null;
  /** The step that fixes it, with its number and name, or null. */
  readonly step: { readonly id: string; readonly number: number; readonly name: string } | null;
};

/** What the words may also depend on, beyond the diagnosis: where the call was run from. */
export type ExplainContext = {
  /** The user's shell, for the line that unsets a variable (default: bash's syntax). */
  readonly shell?: Shell;
  /** The time limit of the check, when the diagnosis does not carry it. */
  readonly timeoutSeconds?: number;
  /** The guide the user walks: a step to go back to is numbered in it, and left out where it has none. */
  readonly flow?: Flow;
  /** What a team file expects, where one is in use: whose organization and project, and whom to ask. */
  readonly team?: TeamExpectation;
};

/** What a team file expects of the key, for the diagnoses that depend on it. */
export type TeamExpectation = {
  readonly organization?: { readonly id: string; readonly name?: string };
  readonly project?: { readonly id: string; readonly name?: string };
  readonly contact?: { readonly name: string; readonly link: string };
  /** The team pays: credit is the team's to add, not the user's. */
  readonly teamPays: boolean;
};

/** The team's lines for a failure that depends on which organization, project or payer the key meets. */
function teamNotes(
  kind: FailureKind,
  variant: string | undefined,
  team: TeamExpectation,
  content: Content,
): string[] {
  const words = content.team.diagnosis;
  const notes: string[] = [];
  const org = team.organization;
  if (kind === 'organization' || kind === 'invalid-key' || kind === 'missing-scope') {
    if (org && variant !== 'project')
      notes.push(fill(words.organization, { organization: org.name ?? org.id, organizationId: org.id }));
    if (team.project && variant === 'project')
      notes.push(
        fill(words.projectLikely, {
          project: team.project.name ?? team.project.id,
          projectId: team.project.id,
        }),
      );
  }
  if ((kind === 'no-credit' || kind === 'spend-limit') && team.teamPays && team.contact)
    notes.push(fill(words.teamPays, team.contact));
  else if (team.contact && notes.length > 0) notes.push(fill(words.contact, team.contact));
  return notes;
}

/** Pages outside the guide's steps that a failure may point to. */
export const HELP_PAGES = {
  helpCenter: 'https://help.openai.com',
  countries: 'https://platform.openai.com/docs/supported-countries',
  members: 'https://platform.openai.com/settings/organization/people',
  status: 'https://status.openai.com',
} as const;

/** Every page a failure can link, by the key of its label in `diagnosis.links`. */
const LINK_URLS = {
  apiKeys: PAGES.apiKeys,
  billing: PAGES.billing,
  limits: PAGES.limits,
  settings: PAGES.settings,
  ...HELP_PAGES,
} as const;

type LinkId = keyof typeof LINK_URLS | 'projectLimits';

/** The pages each kind of failure points to, most useful first. */
const LINKS: Partial<Record<FailureKind, readonly LinkId[]>> = {
  'no-key': ['apiKeys'],
  'key-format': ['apiKeys'],
  'invalid-key': ['apiKeys'],
  'account-deactivated': ['helpCenter'],
  'missing-scope': ['apiKeys', 'members'],
  organization: ['apiKeys'],
  'access-terminated': ['helpCenter'],
  region: ['countries'],
  'no-credit': ['billing', 'limits'],
  'spend-limit': ['projectLimits', 'limits'],
  'rate-limit': ['limits'],
  server: ['status'],
  verification: ['settings'],
  model: ['projectLimits', 'limits'],
};

/** Where a variant needs other pages than its kind: `kind.variant` → pages. */
const VARIANT_LINKS: Readonly<Record<string, readonly LinkId[]>> = {
  'no-credit.exhausted': ['billing'],
};

/** The words of a kind as the locale files hold them: a base, and variants that replace some of it. */
type Words = {
  readonly title: string;
  readonly meaning: string;
  readonly action: string;
  readonly retry?: string;
};
type KindWords = Words & { readonly variants?: Readonly<Record<string, Partial<Words>>> };

/** The API codes that have words of their own, by kind: the variant of the kind's words they pick. */
export const CODE_VARIANTS: Readonly<Partial<Record<FailureKind, Readonly<Record<string, string>>>>> = {
  'no-credit': { credit_balance_exhausted: 'exhausted' },
  'spend-limit': {
    organization_spend_limit_exceeded: 'organization',
    project_spend_limit_exceeded: 'project',
    organization_usage_limit_exceeded: 'usage',
    billing_hard_limit_reached: 'hardLimit',
  },
  organization: {
    mismatched_organization: 'mismatched',
    mismatched_project: 'project',
    no_organization: 'none',
    invalid_organization: 'invalid',
  },
};

/** A project id as the API writes it in a message (`proj_` and letters and digits). */
const PROJECT_ID = /\b(proj_[A-Za-z0-9]{4,64})\b/;

/** The project a server message names, if it names one (the message is already cleaned at the edge). */
export function projectNamed(message: string | null): string | null {
  return PROJECT_ID.exec(message ?? '')?.[1] ?? null;
}

/** A project's own Limits page (budget, allowed models). */
export function projectLimitsUrl(project: string): string {
  return `https://platform.openai.com/settings/${project}/limits`;
}

/** Which variant of its kind's words a diagnosis takes, if any. */
export function variantOf(diagnosis: Diagnosis): string | undefined {
  const byCode = diagnosis.code ? CODE_VARIANTS[diagnosis.kind]?.[diagnosis.code] : undefined;
  if (byCode) return byCode;
  const project = projectNamed(diagnosis.serverMessage) !== null;
  if (diagnosis.kind === 'spend-limit' && project) return 'project';
  if (diagnosis.kind === 'model' && project) return 'project';
  if (diagnosis.kind === 'network' && diagnosis.detail && TIMEOUT_DETAILS.has(diagnosis.detail))
    return 'timeout';
  return undefined;
}

/** A wait in the user's language ("11 s", "7 min 12 s", "7분 12초"), at least a second: never "0 s". */
export function formatWait(ms: number, content: Content): string {
  const words = content.diagnosis.duration;
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  if (seconds < 60) return fill(words.seconds, { s: seconds });
  if (seconds < 3600) {
    const m = Math.floor(seconds / 60);
    const s = seconds % 60;
    return s === 0 ? fill(words.minutes, { m }) : fill(words.minutesSeconds, { m, s });
  }
  const minutes = Math.ceil(seconds / 60);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m === 0 ? fill(words.hours, { h }) : fill(words.hoursMinutes, { h, m });
}

/** The permissions a missing-scope message names ("Missing scopes: model.request"), or null. */
function missingScopes(message: string | null): string | null {
  const named = /missing scopes?:\s*(\w+(?:\.\w+)*(?:\s*,\s*\w+(?:\.\w+)*)*)/i.exec(message ?? '');
  return named?.[1] ?? null;
}

/** A model to suggest instead of this one: the first in the price table that is not it. */
function otherModel(model: string): string {
  return Object.keys(PRICE_TABLE.perMillion).find((name) => !model.startsWith(name)) ?? 'gpt-4o-mini';
}

/** The variables behind what was sent, by name only: a header a team file set came from the file, not one. */
function variablesSent(diagnosis: Diagnosis, team: TeamExpectation | undefined): OrgVariable[] {
  const names: OrgVariable[] = [];
  if (diagnosis.sent?.organization && !team?.organization) names.push('OPENAI_ORG_ID');
  if (diagnosis.sent?.project && !team?.project) names.push('OPENAI_PROJECT_ID');
  return names;
}

type Extra = { notes: string[]; command: Explanation['command']; retry?: string; meaning?: string };

/** Advice that depends on more than the kind's words: one small rule per kind that needs one. */
const ADVICE: Partial<
  Record<
    FailureKind,
    (diagnosis: Diagnosis, content: Content, context: ExplainContext & { variant?: string }) => Partial<Extra>
  >
> = {
  'no-credit': (_diagnosis, content, { variant }) => {
    if (variant === 'exhausted') return {};
    const words = content.outcomes['no-credit'];
    return {
      notes: [
        words.causesTitle,
        ...words.causes.map((cause) => fill(words.causeLine, { cause: cause.cause, help: cause.help })),
      ],
    };
  },
  'spend-limit': (_diagnosis, content) => ({ notes: [content.outcomes['spend-limit'].who] }),
  'rate-limit': (diagnosis, content) => {
    const words = content.outcomes['rate-limit'];
    const notes: string[] = [];
    // The longer of what the headers and the message say: never tell someone to wait less than the server did.
    const said = Math.max(diagnosis.retryAfterMs ?? 0, waitFromMessage(diagnosis.serverMessage ?? '') ?? 0);
    const wait = said > 0 ? formatWait(said, content) : null;
    if (wait) notes.push(fill(words.waitNote, { wait }));
    if (/requests per day/i.test(diagnosis.serverMessage ?? '')) notes.push(words.dailyNote);
    return { notes, ...(wait ? { retry: fill(words.retryAfter, { wait }) } : {}) };
  },
  organization: (diagnosis, content, { shell, variant, team }) => {
    const words = content.outcomes.organization;
    if (!diagnosis.sent) return {};
    // What the team file sent is the team's to say (teamNotes): no variable to unset for it.
    if (team && (team.organization || team.project)) {
      const own = variablesSent(diagnosis, team);
      if (own.length === 0) return {};
    }
    const names = variablesSent(diagnosis, team);
    const nothingSent = names.length === 0;
    const meaning =
      nothingSent && (variant === 'mismatched' || variant === 'project' || variant === undefined)
        ? words.nothingSent
        : undefined;
    if (nothingSent) return { notes: [words.envNone], ...(meaning ? { meaning } : {}) };
    const which =
      names.length === 2 ? words.envBoth : names[0] === 'OPENAI_ORG_ID' ? words.envOrg : words.envProject;
    const shellName = shell ?? 'bash';
    // Where the shell would set it again at start (Windows keeps it in the user's environment instead).
    const startup = keepKeyLine(shellName).file;
    return {
      notes: [which],
      command: {
        intro: fill(words.unsetIntro, { shell: shellName }),
        line: unsetLine(shellName, names),
        after: startup ? fill(words.startupNote, { file: startup }) : words.userNote,
      },
    };
  },
  'missing-scope': (diagnosis, content) => {
    const scopes = missingScopes(diagnosis.serverMessage);
    return scopes ? { notes: [fill(content.outcomes['missing-scope'].scopesNote, { scopes })] } : {};
  },
  'account-deactivated': (diagnosis, content) => ({
    notes: diagnosis.requestId
      ? [fill(content.diagnosis.requestIdNote, { requestId: diagnosis.requestId })]
      : [],
  }),
  'access-terminated': (diagnosis, content) => ({
    notes: diagnosis.requestId
      ? [fill(content.diagnosis.requestIdNote, { requestId: diagnosis.requestId })]
      : [],
  }),
  network: (diagnosis, content, { variant }) => {
    const words = content.outcomes.network;
    const notes: string[] = [];
    if (variant === 'timeout') notes.push(words.proxyAfterTimeout);
    if (diagnosis.detail === 'tls') notes.push(words.tlsAdvice);
    return { notes };
  },
};

/** The sentence on retrying, from the outcome table's rule, unless the kind's words have their own. */
function retrySentence(kind: FailureKind, words: Partial<Words>, content: Content): string {
  if (words.retry) return words.retry;
  return OUTCOMES[kind].retry === 'auto' ? content.diagnosis.retryHelps : content.diagnosis.retryNoHelp;
}

/** The step that fixes a failure, numbered in the guide walked; null where that guide has no such step. */
function stepOf(id: StepId | null, content: Content, flow: Flow): Explanation['step'] {
  if (!id) return null;
  const index = flowIndex(flow, id);
  return index < 0
    ? null
    : { id, number: index + 1, name: stepText(flowStepAt(flow, index), content, flow.vars).name };
}

/** Explains a diagnosis. `model` fills the model outcome's text; `context` says where the call ran. */
export function explain(
  diagnosis: Diagnosis,
  content: Content,
  model: string,
  context: ExplainContext = {},
): Explanation {
  const base = content.outcomes[diagnosis.kind] as KindWords;
  const variant = variantOf(diagnosis);
  const words: KindWords = { ...base, ...(variant ? base.variants?.[variant] : undefined) };
  const seconds = Number(diagnosis.detailVars?.seconds ?? context.timeoutSeconds ?? 60);
  const project = projectNamed(diagnosis.serverMessage);
  const vars = {
    model,
    other: otherModel(model),
    seconds,
    longer: Math.min(3600, Math.max(120, seconds * 2)),
    project: project ?? '',
  };
  const detail = diagnosis.detail
    ? fill(content.details[diagnosis.detail], { limit: '1 MB', ...vars, ...diagnosis.detailVars })
    : '';
  const extra = ADVICE[diagnosis.kind]?.(diagnosis, content, { ...context, variant }) ?? {};
  const outcome = OUTCOMES[diagnosis.kind];
  const forTeam = context.team ? teamNotes(diagnosis.kind, variant, context.team, content) : [];
  const linkIds = VARIANT_LINKS[`${diagnosis.kind}.${variant}`] ?? LINKS[diagnosis.kind] ?? [];
  // A project's own Limits page, when the server named the project, replaces the organization's.
  const links = linkIds.flatMap((id): Link[] => {
    if (id === 'projectLimits')
      return project
        ? [{ label: content.diagnosis.links.projectLimits, url: projectLimitsUrl(project) }]
        : [];
    if (id === 'limits' && project && linkIds.includes('projectLimits')) return [];
    return [{ label: content.diagnosis.links[id], url: LINK_URLS[id] }];
  });
  return {
    kind: diagnosis.kind,
    title: fill(words.title, vars),
    meaning: fill(extra.meaning ?? words.meaning, { ...vars, detail }),
    // With a team file, the key belongs where the team says (its notes name it), not wherever the credit is.
    action:
      diagnosis.kind === 'organization' && forTeam.length > 0
        ? content.team.diagnosis.action
        : fill(words.action, vars),
    notes: [...(extra.notes ?? []), ...forTeam],
    ...(forTeam.length > 0 ? { teamNotes: forTeam } : {}),
    command: extra.command ?? null,
    links,
    retry: fill(extra.retry ?? retrySentence(diagnosis.kind, words, content), vars),
    serverMessage: diagnosis.serverMessage,
    step: stepOf(outcome.step, content, context.flow ?? PERSONAL_FLOW),
  };
}

/** The sentence for a key that fails the local checks (the api-key screen and `check` say the same). */
export function keyProblemText(checked: Extract<KeyCheck, { ok: false }>, content: Content): string {
  return fill(content.keyCheck[checked.problem], {
    service: checked.service ?? '',
    prefix: checked.prefix ?? '',
    length: checked.length,
  });
}

/** The one-line message of `error.message` in `check --json`. */
export function jsonMessage(explanation: Explanation, content: Content): string {
  const server = explanation.serverMessage
    ? ` ${content.diagnosis.serverSaid} ${explanation.serverMessage}`
    : '';
  const team = (explanation.teamNotes ?? []).map((note) => ` ${note}`).join('');
  // The server's words before the team's notes: a note may end in a contact link, which nothing should follow.
  return plain(`${explanation.title}. ${explanation.meaning} ${explanation.action}${server}${team}`);
}
