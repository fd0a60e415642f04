/**
 * The glossary (assets/guide/glossary.json) holds the guide's word choices; the Korean file keeps them: no
 * term's `avoid` forms, no sentence a rule forbids, and every term in use in both languages. Also the facts
 * that must read the same wherever they are said (the test call's cost, the dated help-centre facts).
 */
import { describe, expect, it } from 'vitest';
import en from '../../assets/guide/en.json' with { type: 'json' };
import glossary from '../../assets/guide/glossary.json' with { type: 'json' };
import ko from '../../assets/guide/ko.json' with { type: 'json' };
import { costUsd, TEST_CALL_TOKENS } from '../../src/api/prices.js';
import { fill } from '../../src/content/content.js';
import { formatCompact } from '../../src/content/numbers.js';

type Leaf = { readonly path: string; readonly value: string };

function leaves(node: unknown, path = ''): Leaf[] {
  if (typeof node === 'string') return [{ path, value: node }];
  if (typeof node === 'object' && node !== null)
    return Object.entries(node).flatMap(([key, value]) => leaves(value, path ? `${path}.${key}` : key));
  return [];
}

type Term = { ko: string; en: string; use: string; avoid: string[] };
type Rule = { name: string; pattern: string; use: string; keys?: string };
const terms: Term[] = glossary.terms;
const rules: Rule[] = glossary.rules;
// meta holds the locale's own name and dates, not sentences.
const koLeaves = leaves(ko).filter(
  (leaf) => !leaf.path.startsWith('meta.') || leaf.path === 'meta.labelsCheckedNote',
);
const enLeaves = leaves(en);

describe('the glossary', () => {
  it('is a list of terms {ko, en, use, avoid[]} and of rules {name, pattern, use, keys?} that compile', () => {
    expect(terms.length).toBeGreaterThan(0);
    for (const term of terms) {
      expect(Object.keys(term).sort(), term.ko).toEqual(['avoid', 'en', 'ko', 'use']);
      for (const field of [term.ko, term.en, term.use])
        expect(field.trim().length, term.ko).toBeGreaterThan(0);
      expect(term.avoid.every((form) => form.length > 0)).toBe(true);
    }
    for (const rule of rules) {
      expect(() => new RegExp(rule.pattern, 'u'), rule.name).not.toThrow();
      if (rule.keys !== undefined) expect(() => new RegExp(rule.keys ?? ''), rule.name).not.toThrow();
      expect(rule.use.length, rule.name).toBeGreaterThan(0);
    }
  });

  it('names each Korean term once', () => {
    const names = terms.map((term) => term.ko);
    expect(new Set(names).size).toBe(names.length);
  });

  it('has every term in use, in Korean and in English', () => {
    const koText = koLeaves.map((leaf) => leaf.value).join('\n');
    const enText = enLeaves.map((leaf) => leaf.value.toLowerCase()).join('\n');
    expect(terms.filter((term) => !koText.includes(term.ko)).map((term) => term.ko)).toEqual([]);
    expect(terms.filter((term) => !enText.includes(term.en.toLowerCase())).map((term) => term.en)).toEqual(
      [],
    );
  });

  it('keeps every avoided form out of the Korean file', () => {
    const found = terms.flatMap((term) =>
      term.avoid.flatMap((form) =>
        koLeaves
          .filter((leaf) => leaf.value.includes(form))
          .map((leaf) => `${leaf.path}: "${form}" (use ${term.ko}) in ${leaf.value}`),
      ),
    );
    expect(found).toEqual([]);
  });

  it('keeps every Korean sentence to the rules', () => {
    const broken = rules.flatMap((rule) => {
      const pattern = new RegExp(rule.pattern, 'u');
      const keys = rule.keys === undefined ? undefined : new RegExp(rule.keys);
      return koLeaves
        .filter((leaf) => (keys ? keys.test(leaf.path) : true) && pattern.test(leaf.value))
        .map((leaf) => `${rule.name}: ${leaf.path}: ${leaf.value}`);
    });
    expect(broken).toEqual([]);
  });

  it('would catch what it is there to catch', () => {
    // The rules and avoided forms against the sentences the native read replaced.
    const caught = (sentence: string) =>
      rules.some((rule) => rule.keys === undefined && new RegExp(rule.pattern, 'u').test(sentence)) ||
      terms.some((term) => term.avoid.some((form) => sentence.includes(form)));
    for (const old of [
      '{model}이(가) 답했습니다.',
      '팀 파일 {file}을(를) 쓸 수 없습니다',
      '글쓴이는 $10를 골랐습니다.',
      '입력 토큰 약 6700만개',
      '다시 오셨네요',
      '국내 카드는 꺼져 있는 경우가 많으니 카드사 앱에서 해외결제를 먼저 켜 두세요.',
      '`Initial credit purchase` 칸에 살 금액을 입력합니다.',
      '키를 다시 시험하려면',
      '`Continue`를 누르세요.',
      '{project}이 선택된 상태로',
    ])
      expect(caught(old), old).toBe(true);
    expect(caught('`Continue`를 클릭하세요.')).toBe(false);
    // Titles: the forms the native read found side by side.
    const title = rules.find((rule) => rule.keys !== undefined);
    const titleBroken = (path: string, value: string) =>
      new RegExp(title?.keys ?? '^$').test(path) && new RegExp(title?.pattern ?? '^$', 'u').test(value);
    for (const old of [
      '개인인가요, 회사인가요?',
      '자동 충전은 꺼 두세요',
      'Continue, 합계 확인, 결제',
      '테스트 호출',
    ])
      expect(titleBroken('steps.x.title', old), old).toBe(true);
    expect(titleBroken('steps.x.title', '테스트 호출 보내기')).toBe(false);
  });

  it('writes large Korean counts grouped, with a space before the counter that never breaks (6,700만 개)', () => {
    const sentence = fill(ko.steps.amount.estimate, {
      date: '2025-08-07',
      amount: 10,
      calls: '650,000',
      input: formatCompact(66_666_666, 'ko'),
      output: formatCompact(16_666_666, 'ko'),
    });
    // A no-break space: the line may not end between the number and its counter.
    expect(sentence).toContain('약 6,700만\u00a0개');
    expect(sentence).toContain('약 1,700만\u00a0개');
    expect(sentence).toContain('10달러면');
  });
});

describe('facts said the same everywhere', () => {
  it('gives the test call’s cost one honest rounding, in both languages', () => {
    const cost = costUsd('gpt-4o-mini', TEST_CALL_TOKENS.prompt, TEST_CALL_TOKENS.completion) ?? 0;
    // 27 tokens in and 19 out cost $0.00001545: one significant digit is $0.00002, never $0.00001.
    const rounded = Number(cost.toPrecision(1)).toFixed(5);
    expect(rounded).toBe('0.00002');
    const said = (leaves: Leaf[]) =>
      leaves.flatMap((leaf) => [...leaf.value.matchAll(/0\.0000\d+/g)].map((match) => match[0]));
    expect(said(enLeaves).length).toBeGreaterThan(0);
    expect(new Set(said(enLeaves))).toEqual(new Set([rounded]));
    expect(new Set(said(koLeaves))).toEqual(new Set([rounded]));
    expect(
      koLeaves
        .filter((leaf) => leaf.value.includes(`${rounded}`))
        .every((leaf) => leaf.value.includes(`${rounded}달러`)),
    ).toBe(true);
  });

  it('dates what is newer than the post, with its source, in both languages', () => {
    const date = en.meta.labelsCheckedOn;
    const newer = [ko.steps.amount.more[0], ko.steps['auto-recharge'].more[1]];
    for (const sentence of [en.steps.amount.more[0], en.steps['auto-recharge'].more[1]])
      expect(sentence).toContain(`Newer than the post (OpenAI's help centre, checked ${date})`);
    for (const sentence of newer)
      expect(sentence).toContain(`글이 쓰인 뒤 바뀐 점(OpenAI 고객 센터, ${date} 확인)`);
    // The $10 default, auto-reload on by default, and its optional monthly reload limit.
    expect(en.steps.amount.more[0]).toContain('the default is $10');
    expect(en.steps['auto-recharge'].more[1]).toContain('on by default during setup');
    expect(en.steps['auto-recharge'].more[1]).toContain('optionally a monthly reload limit');
    expect(newer[0]).toContain('기본값은 10달러');
    expect(newer[1]).toContain('기본으로 켜져');
    expect(newer[1]).toContain('월 충전 한도');
  });

  it('says the dialog of Add payment details covers the five steps 6 to 10', () => {
    expect(en.steps['add-payment'].body[0]).toContain('the next five steps (6 to 10)');
    expect(ko.steps['add-payment'].body[0]).toContain('다음 다섯 단계(6~10단계)');
  });

  it('never says the credit is held by a project', () => {
    for (const leaf of enLeaves)
      expect(leaf.value, leaf.path).not.toMatch(/organization and project that holds? the credit/);
  });
});
