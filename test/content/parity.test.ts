import { describe, expect, it } from 'vitest';
import en from '../../assets/guide/en.json' with { type: 'json' };
import ko from '../../assets/guide/ko.json' with { type: 'json' };
import { STEP_IDS } from '../../src/wizard/steps.js';

type Leaf = { path: string; value: string };

function leaves(node: unknown, path = ''): Leaf[] {
  if (typeof node === 'string') return [{ path, value: node }];
  if (Array.isArray(node)) return node.flatMap((item, index) => leaves(item, `${path}[${index}]`));
  if (typeof node === 'object' && node !== null) {
    return Object.entries(node).flatMap(([key, value]) => leaves(value, path ? `${path}.${key}` : key));
  }
  return [{ path, value: String(node) }];
}

/** A sentence's token shape: its `{name}` tokens and how many `labels` it marks. */
function shape(text: string): { tokens: string[]; labels: number } {
  return {
    tokens: [...text.matchAll(/\{([a-zA-Z][a-zA-Z0-9]*)\}/g)].map((m) => m[1] ?? '').sort(),
    labels: (text.match(/`/g) ?? []).length / 2,
  };
}

describe('locale files', () => {
  const enLeaves = leaves(en);
  const koLeaves = leaves(ko);

  it('have the same keys, in English and Korean', () => {
    expect(koLeaves.map((leaf) => leaf.path)).toEqual(enLeaves.map((leaf) => leaf.path));
  });

  it('have the same token shapes in every sentence', () => {
    const koByPath = new Map(koLeaves.map((leaf) => [leaf.path, leaf.value]));
    const mismatches = enLeaves
      .filter((leaf) => !leaf.path.startsWith('meta.'))
      .filter(
        (leaf) => JSON.stringify(shape(leaf.value)) !== JSON.stringify(shape(koByPath.get(leaf.path) ?? '')),
      )
      .map((leaf) => leaf.path);
    expect(mismatches).toEqual([]);
  });

  it('have no empty sentences', () => {
    expect(
      [...enLeaves, ...koLeaves]
        .filter((leaf) => leaf.value.trim() === '' && !leaf.path.includes('help.'))
        .map((l) => l.path),
    ).toEqual([]);
  });

  it('give every step a name, a title and an explanation', () => {
    for (const content of [en, ko]) {
      for (const id of STEP_IDS) {
        const step = content.steps[id];
        expect(step.name.length, id).toBeGreaterThan(0);
        expect(step.title.length, id).toBeGreaterThan(0);
        // The explanation: on screen (body), or behind Tab where the screen is short (more).
        const more = 'more' in step ? (step.more as string[]) : [];
        expect(step.body.length + more.length, id).toBeGreaterThan(0);
      }
    }
  });

  it('say when the platform labels were last checked, as a date', () => {
    expect(en.meta.labelsCheckedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(ko.meta.labelsCheckedOn).toBe(en.meta.labelsCheckedOn);
  });

  it('spell platform labels the same in both languages', () => {
    const labels = (text: string) => [...text.matchAll(/`([^`]+)`/g)].map((m) => m[1]);
    const koByPath = new Map(koLeaves.map((leaf) => [leaf.path, leaf.value]));
    for (const leaf of enLeaves) {
      expect(labels(koByPath.get(leaf.path) ?? '').sort(), leaf.path).toEqual(labels(leaf.value).sort());
    }
  });
});
