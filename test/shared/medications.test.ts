import { describe, expect, it } from 'vitest';
import { DRUG_LIST, excitabilityOf, findDrug, thresholdRecheck, TRIAL_DRUGS } from '../../src/shared/clinical';

describe('the built-in drug list', () => {
  it('names each drug once, with its class, and offers only antidepressants and augmenting agents for trials', () => {
    const names = DRUG_LIST.map((d) => d.name.toLowerCase());
    expect(new Set(names).size).toBe(names.length);
    expect(findDrug(' sertraline ')).toMatchObject({ name: 'Sertraline', drugClass: 'SSRI', role: 'antidepressant', excitability: null });
    expect(findDrug('Aripiprazole')).toMatchObject({ role: 'augmenting' });
    expect(TRIAL_DRUGS.some((d) => d.name === 'Lorazepam')).toBe(false);
    expect(TRIAL_DRUGS.some((d) => d.name === 'Bupropion')).toBe(true);
  });

  it('flags bupropion, stimulants, benzodiazepines and anticonvulsants, and nothing else', () => {
    expect(excitabilityOf('Bupropion')).toBe('bupropion');
    expect(excitabilityOf('Dextromethorphan-bupropion')).toBe('bupropion');
    expect(excitabilityOf('methylphenidate')).toBe('stimulant');
    expect(excitabilityOf('Clonazepam')).toBe('benzodiazepine');
    expect(excitabilityOf('Lamotrigine')).toBe('anticonvulsant');
    expect(excitabilityOf('Sertraline')).toBeNull();
    expect(excitabilityOf('Vitamin D')).toBeNull();
  });
});

describe('thresholdRecheck', () => {
  const changes = [
    { drug: 'Sertraline', changedOn: '2026-03-10' },
    { drug: 'Lorazepam', changedOn: '2026-03-06' },
    { drug: 'Bupropion', changedOn: '2026-03-04' },
  ];
  it('is due after the latest flagged change dated after the last threshold', () => {
    expect(thresholdRecheck(changes, ['2026-03-02', '2026-03-03'])).toEqual({ drug: 'Lorazepam', changedOn: '2026-03-06', effect: 'benzodiazepine' });
    expect(thresholdRecheck(changes, ['2026-03-05'])).toEqual({ drug: 'Lorazepam', changedOn: '2026-03-06', effect: 'benzodiazepine' });
  });
  it('is met by a threshold on the day of the change or later; ignores unflagged drugs; needs a first threshold', () => {
    expect(thresholdRecheck(changes, ['2026-03-02', '2026-03-06'])).toBeNull();
    expect(thresholdRecheck([{ drug: 'Sertraline', changedOn: '2026-03-10' }], ['2026-03-02'])).toBeNull();
    expect(thresholdRecheck(changes, [])).toBeNull();
  });
});
