/**
 * Common antidepressants and augmenting agents, each with its class, for the treatment history a
 * payer asks for (an antidepressant trial's drug comes from this list), and the drugs that lower
 * the seizure threshold or change cortical excitability (DOMAIN.md, "Motor threshold": bupropion,
 * stimulants, benzodiazepines, anticonvulsants), which ask for a motor-threshold re-check when
 * started, changed or stopped during a course.
 */

export const drugRoles = ['antidepressant', 'augmenting', 'other'] as const;
export type DrugRole = (typeof drugRoles)[number];

/**
 * How a drug changes cortical excitability as far as TMS is concerned (Rossi et al. 2009/2021):
 * bupropion and stimulants lower the seizure threshold; benzodiazepines and anticonvulsants raise
 * the motor threshold. Either way, a change asks for the threshold to be measured again.
 */
export const excitabilityEffects = ['bupropion', 'stimulant', 'benzodiazepine', 'anticonvulsant'] as const;
export type ExcitabilityEffect = (typeof excitabilityEffects)[number];

export const excitabilityEffectLabels: Record<ExcitabilityEffect, string> = {
  bupropion: 'Bupropion: lowers the seizure threshold',
  stimulant: 'Stimulant: lowers the seizure threshold',
  benzodiazepine: 'Benzodiazepine: raises the motor threshold',
  anticonvulsant: 'Anticonvulsant: raises the motor threshold',
};

export interface DrugEntry {
  name: string;
  drugClass: string;
  role: DrugRole;
  excitability: ExcitabilityEffect | null;
}

function drugs(drugClass: string, role: DrugRole, excitability: ExcitabilityEffect | null, names: string[]): DrugEntry[] {
  return names.map((name) => ({ name, drugClass, role, excitability }));
}

/** The built-in list, by class. Generic names, as written on a prescription. */
export const DRUG_LIST: readonly DrugEntry[] = [
  ...drugs('SSRI', 'antidepressant', null, ['Citalopram', 'Escitalopram', 'Fluoxetine', 'Fluvoxamine', 'Paroxetine', 'Sertraline']),
  ...drugs('SNRI', 'antidepressant', null, ['Desvenlafaxine', 'Duloxetine', 'Levomilnacipran', 'Venlafaxine']),
  ...drugs('NDRI', 'antidepressant', 'bupropion', ['Bupropion']),
  ...drugs('Tricyclic (TCA)', 'antidepressant', null, ['Amitriptyline', 'Clomipramine', 'Desipramine', 'Doxepin', 'Imipramine', 'Nortriptyline']),
  ...drugs('MAOI', 'antidepressant', null, ['Isocarboxazid', 'Phenelzine', 'Selegiline (transdermal)', 'Tranylcypromine']),
  ...drugs('Serotonin modulator', 'antidepressant', null, ['Nefazodone', 'Trazodone', 'Vilazodone', 'Vortioxetine']),
  ...drugs('NaSSA (tetracyclic)', 'antidepressant', null, ['Mirtazapine']),
  ...drugs('NMDA antagonist', 'antidepressant', null, ['Esketamine (intranasal)']),
  ...drugs('NMDA antagonist + NDRI', 'antidepressant', 'bupropion', ['Dextromethorphan-bupropion']),
  ...drugs('Atypical antipsychotic (augmentation)', 'augmenting', null, ['Aripiprazole', 'Brexpiprazole', 'Cariprazine', 'Olanzapine-fluoxetine', 'Quetiapine XR']),
  ...drugs('Lithium (augmentation)', 'augmenting', null, ['Lithium']),
  ...drugs('Thyroid hormone (augmentation)', 'augmenting', null, ['Liothyronine (T3)']),
  ...drugs('Stimulant', 'other', 'stimulant', ['Amphetamine', 'Dextroamphetamine', 'Lisdexamfetamine', 'Methylphenidate', 'Modafinil']),
  ...drugs('Benzodiazepine', 'other', 'benzodiazepine', ['Alprazolam', 'Clonazepam', 'Diazepam', 'Lorazepam', 'Temazepam']),
  ...drugs('Anticonvulsant', 'other', 'anticonvulsant', ['Carbamazepine', 'Gabapentin', 'Lamotrigine', 'Levetiracetam', 'Oxcarbazepine', 'Pregabalin', 'Topiramate', 'Valproate']),
];

const byName = new Map(DRUG_LIST.map((d) => [d.name.toLowerCase(), d]));

/** The list entry for a drug name (case and surrounding spaces ignored), or null. */
export function findDrug(name: string): DrugEntry | null {
  return byName.get(name.trim().toLowerCase()) ?? null;
}

/** The drugs an antidepressant trial may name: the antidepressants and augmenting agents. */
export const TRIAL_DRUGS: readonly DrugEntry[] = DRUG_LIST.filter((d) => d.role !== 'other');

/** How a drug named on a current medication changes excitability: from the list, or null (not on it, or no effect). */
export function excitabilityOf(drug: string): ExcitabilityEffect | null {
  return findDrug(drug)?.excitability ?? null;
}

/** A change of a current medication: started, dose changed or stopped on `changedOn`. */
export interface MedicationChange {
  drug: string;
  changedOn: string;
}

export interface ThresholdRecheck {
  /** The latest change of a medication that changes excitability, after the course's last threshold. */
  drug: string;
  changedOn: string;
  effect: ExcitabilityEffect;
}

/**
 * Whether a course's motor threshold must be measured again after a medication change: the latest
 * change (start, dose change or stop) of a drug that changes excitability, dated after the course's
 * latest threshold. A threshold measured on the day of the change, or later, is the re-check. A
 * course with no threshold yet needs none (its first measurement comes first anyway); null when no
 * re-check is due.
 */
export function thresholdRecheck(changes: readonly MedicationChange[], thresholdDates: readonly string[]): ThresholdRecheck | null {
  if (thresholdDates.length === 0) return null;
  const lastThreshold = thresholdDates.reduce((a, b) => (b > a ? b : a));
  let due: ThresholdRecheck | null = null;
  for (const change of changes) {
    const effect = excitabilityOf(change.drug);
    if (!effect || change.changedOn <= lastThreshold) continue;
    if (!due || change.changedOn > due.changedOn) due = { drug: change.drug, changedOn: change.changedOn, effect };
  }
  return due;
}
