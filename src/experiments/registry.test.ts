import { afterEach, describe, expect, it } from 'vitest';
import { toyCaseStudy } from './fixtures/toy-cells.js';
import { caseStudyNames, getCaseStudy, listCaseStudies, registerCaseStudy, unregisterCaseStudy } from './registry.js';

afterEach(() => {
  unregisterCaseStudy('toy-a');
  unregisterCaseStudy('toy-b');
});

describe('case-study registry', () => {
  it('registers, builds (quick or full) and lists studies', () => {
    registerCaseStudy('toy-b', (o) => toyCaseStudy(o, { items: 3 }, 'toy-b'));
    registerCaseStudy('toy-a', (o) => toyCaseStudy(o, { items: 3 }, 'toy-a'));
    expect(caseStudyNames().filter((n) => n.startsWith('toy-'))).toEqual(['toy-a', 'toy-b']);
    expect(getCaseStudy('toy-a', { quick: true }).cells).toHaveLength(8);
    expect(getCaseStudy('toy-a', { quick: false }).cells).toHaveLength(12);
    expect(listCaseStudies().find((e) => e.name === 'toy-b')).toEqual({ name: 'toy-b', title: 'Toy study', description: expect.any(String) });
  });

  it('rejects an unknown name, listing the registered ones', () => {
    registerCaseStudy('toy-a', (o) => toyCaseStudy(o, { items: 3 }, 'toy-a'));
    expect(() => getCaseStudy('nope', { quick: false })).toThrow(/unknown experiment 'nope'; registered: .*toy-a/);
    expect(() => getCaseStudy('nope', { quick: false })).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });

  it('rejects a duplicate or malformed name and a factory building another study', () => {
    registerCaseStudy('toy-a', (o) => toyCaseStudy(o, { items: 3 }, 'toy-a'));
    expect(() => registerCaseStudy('toy-a', (o) => toyCaseStudy(o))).toThrow(/already registered/);
    expect(() => registerCaseStudy('Bad Name', (o) => toyCaseStudy(o))).toThrow(/must be lower-case/);
    registerCaseStudy('toy-b', (o) => toyCaseStudy(o, { items: 3 }, 'toy-a'));
    expect(() => getCaseStudy('toy-b')).toThrow(/built a study named "toy-a"/);
  });
});
