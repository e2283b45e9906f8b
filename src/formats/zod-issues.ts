// Zod's issues as issue codes with parameters, for every schema outside input passes (deck files, backups): the
// words come from issue-words.ts in the user's language, never from Zod ("Invalid input: expected …").
import type { z } from 'zod';
import type { IssueCode, IssueParams } from '../domain/issue';
import { closestKey } from './did-you-mean.ts';
import { PATTERNS } from '../domain/deck-schema.ts';

export type Path = readonly PropertyKey[];

/** A problem with the value at `path` (relative to what was parsed). */
export interface ValueIssue {
  path: Path;
  code: IssueCode;
  params?: IssueParams;
}

export type ValueParse<T> = { ok: true; data: T } | { ok: false; issues: ValueIssue[] };

export interface ValueParseOptions {
  /** What the object at `path` is, for "is not a field of …" (a term of issue-words' `noun`); default `object`. */
  nounOf?: (path: Path, allowed: readonly string[]) => string;
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function valueAt(raw: unknown, path: Path): unknown {
  let v = raw;
  for (const p of path) {
    if (Array.isArray(v) && typeof p === 'number') v = v[p];
    else if (isRecord(v) && typeof p === 'string' && Object.hasOwn(v, p)) v = v[p];
    else return undefined;
  }
  return v;
}

/** A value as a message shows it, as parameters: `{ got: 'text', gotValue: 'Demo' }`, `{ got: 'list' }`. */
export function describeValue(v: unknown): { got: string; gotValue?: string } {
  if (v === null) return { got: 'null' };
  if (Array.isArray(v)) return { got: 'list' };
  switch (typeof v) {
    case 'string':
      return { got: 'text', gotValue: v.length > 40 ? `${v.slice(0, 40)}…` : v };
    case 'number':
      return { got: 'number', gotValue: String(v) };
    case 'boolean':
      return { got: 'boolean', gotValue: String(v) };
    case 'object':
      return { got: 'object' };
    case 'undefined':
      return { got: 'nothing' };
    default:
      return { got: 'other', gotValue: typeof v };
  }
}

type ZodDef = {
  shape?: Record<string, unknown>;
  checks?: Array<{ _zod?: { def?: { format?: unknown } } }>;
};

function defOf(inst: unknown): ZodDef {
  const zod = isRecord(inst) ? inst._zod : undefined;
  return isRecord(zod) && isRecord(zod.def) ? (zod.def as ZodDef) : {};
}

/** What a value must be, as parameters: `{ expected: 'object-with', keys: ['en', 'zh'] }`. */
function expectedParams(expected: string, inst: unknown): IssueParams {
  const def = defOf(inst);
  switch (expected) {
    case 'string':
      return { expected: 'text' };
    case 'number':
      return {
        expected: def.checks?.some((c) => String(c._zod?.def?.format ?? '').includes('int')) ? 'integer' : 'number',
      };
    case 'int':
      return { expected: 'integer' };
    case 'boolean':
      return { expected: 'boolean' };
    case 'array':
      return { expected: 'list' };
    case 'object': {
      const keys = Object.keys(def.shape ?? {});
      return keys.length > 0 && keys.length <= 3 ? { expected: 'object-with', keys } : { expected: 'object' };
    }
    case 'record':
      return { expected: 'object' };
    case 'null':
      return { expected: 'null' };
    default:
      return { expected: 'other', expectedName: expected };
  }
}

/** What the error map saw of an issue that the final issue no longer holds (the schema that raised it). */
interface Seen {
  expected?: IssueParams;
  allowed?: string[];
}

/** The noun of a list's entries for "needs at least 2 choices", from the list's field name. */
const ITEMS: Record<string, string> = {
  choices: 'choice',
  categories: 'category',
  items: 'item',
  columns: 'column',
  rows: 'row',
  fields: 'field',
  templates: 'template',
};

/** The patterns of deck-schema.ts, as Zod writes them into its issues (`String(regex)`). */
const SLUG_PATTERN = String(PATTERNS.slug);
const DIGITS_PATTERNS = new Set([String(PATTERNS.digits), String(PATTERNS.integer)]);

function sizeIssue(iss: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig, input: unknown): ValueIssue {
  const small = iss.code === 'too_small';
  const n = Number(small ? iss.minimum : iss.maximum);
  const path = iss.path;
  const got = describeValue(input);
  switch (iss.origin) {
    case 'string':
      if (iss.exact) return { path, code: 'value.text-exact', params: { n } };
      if (small) return n === 1 ? { path, code: 'value.empty' } : { path, code: 'value.text-min', params: { n } };
      return { path, code: 'value.text-max', params: { n } };
    case 'array':
    case 'set': {
      const last = path.at(-1);
      const items = (typeof last === 'string' ? ITEMS[last] : undefined) ?? 'entry';
      const code = iss.exact ? 'value.list-exact' : small ? 'value.list-min' : 'value.list-max';
      return { path, code, params: { n, items } };
    }
    case 'number':
    case 'int':
    case 'bigint': {
      const strict = iss.inclusive === false;
      const code = small
        ? strict
          ? 'value.number-above'
          : 'value.number-min'
        : strict
          ? 'value.number-below'
          : 'value.number-max';
      return { path, code, params: { n, ...got } };
    }
    default:
      return { path, code: small ? 'value.too-small' : 'value.too-big' };
  }
}

function formatIssue(iss: z.core.$ZodIssueInvalidStringFormat): ValueIssue {
  const path = iss.path;
  const f = iss as z.core.$ZodIssueInvalidStringFormat & {
    prefix?: string;
    suffix?: string;
    includes?: string;
    pattern?: string;
  };
  if (f.format === 'starts_with' && f.prefix !== undefined)
    return { path, code: 'value.starts-with', params: { prefix: f.prefix } };
  if (f.format === 'ends_with' && f.suffix !== undefined)
    return { path, code: 'value.ends-with', params: { suffix: f.suffix } };
  if (f.format === 'includes' && f.includes !== undefined)
    return { path, code: 'value.includes', params: { text: f.includes } };
  if (f.format === 'regex') {
    if (f.pattern === SLUG_PATTERN) return { path, code: 'value.not-slug' };
    if (f.pattern !== undefined && DIGITS_PATTERNS.has(f.pattern)) return { path, code: 'value.not-digits' };
    return { path, code: 'value.bad-form' };
  }
  // The one address format of the schemas is a cited page's, which must be https.
  if (f.format === 'url') return { path, code: 'value.not-https-url' };
  return { path, code: 'value.bad-format', params: { format: f.format } };
}

/** One Zod issue (final, path from the root of what was parsed) as value issues. */
function toValueIssues(iss: z.core.$ZodIssue, seen: Seen, raw: unknown, opts: ValueParseOptions): ValueIssue[] {
  const path = iss.path;
  const input = valueAt(raw, path);
  switch (iss.code) {
    case 'invalid_type':
      if (input === undefined) return [{ path, code: 'value.missing' }];
      return [
        {
          path,
          code: 'value.wrong-type',
          params: { ...(seen.expected ?? expectedParams(iss.expected, undefined)), ...describeValue(input) },
        },
      ];
    case 'too_small':
    case 'too_big':
      return [sizeIssue(iss, input)];
    case 'invalid_format':
      return [formatIssue(iss)];
    case 'not_multiple_of':
      return [{ path, code: 'value.not-multiple', params: { n: Number(iss.divisor) } }];
    case 'unrecognized_keys': {
      const allowed = seen.allowed ?? [];
      const noun = opts.nounOf?.(path, allowed) ?? 'object';
      return iss.keys.map((key) => {
        const suggestion = closestKey(key, allowed);
        return suggestion === undefined
          ? { path: [...path, key], code: 'value.unknown-field', params: { noun } }
          : { path: [...path, key], code: 'value.unknown-field-typo', params: { noun, suggestion } };
      });
    }
    case 'invalid_value': {
      const values = iss.values.map(String);
      if (values.length === 1) {
        const literal = values[0]!;
        return input === undefined
          ? [{ path, code: 'value.missing-literal', params: { literal } }]
          : [{ path, code: 'value.not-literal', params: { literal, ...describeValue(input) } }];
      }
      return input === undefined
        ? [{ path, code: 'value.missing-one-of', params: { options: values } }]
        : [{ path, code: 'value.not-enum', params: { options: values, ...describeValue(input) } }];
    }
    case 'invalid_union': {
      // A discriminated union's own issue is about its discriminator (a card's `type`), or an entry that is no object.
      if (iss.discriminator === undefined) return [{ path, code: 'value.no-form' }];
      const at = path.at(-1) === iss.discriminator ? path : [...path, iss.discriminator];
      const value = valueAt(raw, at);
      const options = ('options' in iss ? (iss.options ?? []) : []).map(String);
      if (value === undefined) return [{ path: at, code: 'value.missing-one-of', params: { options } }];
      const { got, gotValue } = describeValue(value);
      return [
        {
          path: at,
          code: 'value.not-one-of',
          params: { given: got, ...(gotValue === undefined ? {} : { gotValue }), options },
        },
      ];
    }
    case 'invalid_key':
      return [{ path, code: 'value.bad-key' }];
    case 'invalid_element':
      return [{ path, code: 'value.bad-element' }];
    case 'custom': {
      // A refinement names its own issue: `{ params: { issue: 'backup.not-blob', … } }`.
      const { issue, ...params } = (iss.params ?? {}) as Record<string, string | number>;
      if (typeof issue === 'string') return [{ path, code: issue as IssueCode, params }];
      return [{ path, code: 'value.invalid' }];
    }
    default:
      return [{ path, code: 'value.invalid' }];
  }
}

const MARK = '\u0000seen:';

/**
 * Parses `raw` with `schema`; every problem comes out as a code with parameters. A per-parse error map notes what
 * only the schema knows (the fields of an object with unknown keys, the shape a value should have) and hands Zod a
 * token instead of words; messages the schema sets itself are never read.
 */
export function parseValue<T>(schema: z.ZodType<T>, raw: unknown, opts: ValueParseOptions = {}): ValueParse<T> {
  const seen: Seen[] = [];
  const parsed = schema.safeParse(raw, {
    error: (iss) => {
      const entry: Seen = {};
      if (iss.code === 'invalid_type') entry.expected = expectedParams(iss.expected, iss.inst);
      if (iss.code === 'unrecognized_keys') entry.allowed = Object.keys(defOf(iss.inst).shape ?? {});
      seen.push(entry);
      return `${MARK}${seen.length - 1}`;
    },
  });
  if (parsed.success) return { ok: true, data: parsed.data };
  // Zod 4 goes on to a value's checks after its type failed (`{ length: '' }` for a text is "wrong type" and also
  // "too small", origin unknown): the type is what is wrong, so the checks' issues at that place are dropped.
  const wrongType = new Set(
    parsed.error.issues.filter((iss) => iss.code === 'invalid_type').map((iss) => pathToField(iss.path)),
  );
  const issues = parsed.error.issues.flatMap((iss) => {
    if (iss.code !== 'invalid_type' && iss.code !== 'invalid_union' && wrongType.has(pathToField(iss.path))) return [];
    const index = iss.message.startsWith(MARK) ? Number(iss.message.slice(MARK.length)) : -1;
    return toValueIssues(iss, seen[index] ?? {}, raw, opts);
  });
  return { ok: false, issues };
}

/** A Zod path as a field: `cards[3].front.zh`. */
export function pathToField(path: Path): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`)).join('');
}
