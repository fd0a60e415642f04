/** The starter team file that `team init` writes: it validates, and shows every field a team may want. */
import { contentFor } from '../content/content.js';
import type { Locale } from '../content/locale.js';
import { PLACEHOLDER_IDS } from './team-file.js';

/** Where editors find the team file's schema (assets/team.schema.json as published on npm). */
export const TEAM_SCHEMA_URL = 'https://unpkg.com/openai-topup/assets/team.schema.json';

/** The starter file's text, its names in `lang` and its example step in both languages. */
export function starterTeamFile(lang: Locale): string {
  const words = contentFor(lang).team.starter;
  const en = contentFor('en').team.starter;
  const ko = contentFor('ko').team.starter;
  const starter = {
    $schema: TEAM_SCHEMA_URL,
    name: words.name,
    language: lang,
    payer: 'team',
    organization: { id: PLACEHOLDER_IDS.organization, name: words.organizationName },
    project: { id: PLACEHOLDER_IDS.project, name: words.projectName },
    model: 'gpt-4o-mini',
    monthlyBudgetUsd: 20,
    contact: { name: words.contactName, link: 'mailto:team-lead@example.test' },
    steps: [
      {
        id: 'usage-policy',
        after: 'login',
        title: { en: en.stepTitle, ko: ko.stepTitle },
        text: { en: en.stepText, ko: ko.stepText },
        labels: { en: [en.stepLabel], ko: [ko.stepLabel] },
        url: 'https://wiki.example.test/openai-usage-policy',
      },
    ],
  };
  return `${JSON.stringify(starter, null, 2)}\n`;
}
