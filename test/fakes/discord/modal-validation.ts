/**
 * What Discord checks in a modal (interaction callback type 9) before it shows it, from its OpenAPI description
 * (ModalInteractionCallbackRequestData, LabelComponentForModalRequest, TextInputComponentForModalRequest,
 * StringSelectComponentForModalRequest) and the documented limits the schema does not encode (5 top-level
 * components, unique custom ids, min ≤ max). A modal Discord would refuse gets its 400 Invalid Form Body.
 */
import { discordError, type RouteResult } from './router.js';
import type { Json } from './types.js';

type Problems = Record<string, string>;

const str = (v: unknown, min: number, max: number) =>
  typeof v === 'string' && [...v].length >= min && [...v].length <= max;
const optStr = (v: unknown, min: number, max: number) => v === undefined || v === null || str(v, min, max);
const optInt = (v: unknown, min: number, max: number) =>
  v === undefined || v === null || (Number.isInteger(v) && (v as number) >= min && (v as number) <= max);

function textInput(c: Json, at: string, inLabel: boolean, out: Problems): void {
  if (!str(c.custom_id, 1, 100)) out[`${at}.custom_id`] = 'BASE_TYPE_BAD_LENGTH';
  if (c.style !== 1 && c.style !== 2) out[`${at}.style`] = 'BASE_TYPE_CHOICES';
  // Outside a Label (the legacy action row) the text input names itself, and must.
  if (inLabel ? !optStr(c.label, 1, 45) : !str(c.label, 1, 45)) out[`${at}.label`] = 'BASE_TYPE_BAD_LENGTH';
  if (!optStr(c.placeholder, 0, 100)) out[`${at}.placeholder`] = 'BASE_TYPE_MAX_LENGTH';
  if (!optInt(c.min_length, 0, 4000)) out[`${at}.min_length`] = 'NUMBER_TYPE_MAX';
  if (!optInt(c.max_length, 1, 4000)) out[`${at}.max_length`] = 'NUMBER_TYPE_MAX';
  if ((c.min_length ?? 0) > (c.max_length ?? 4000))
    out[`${at}.min_length`] = 'COMPONENT_MIN_GREATER_THAN_MAX';
  if (!optStr(c.value, 0, c.max_length ?? 4000)) out[`${at}.value`] = 'BASE_TYPE_MAX_LENGTH';
}

function stringSelect(c: Json, at: string, out: Problems): void {
  if (!str(c.custom_id, 1, 100)) out[`${at}.custom_id`] = 'BASE_TYPE_BAD_LENGTH';
  const options: Json[] = Array.isArray(c.options) ? c.options : [];
  if (options.length < 1 || options.length > 25) out[`${at}.options`] = 'BASE_TYPE_BAD_LENGTH';
  const values = new Set<string>();
  options.forEach((o, i) => {
    if (!str(o?.label, 1, 100)) out[`${at}.options.${i}.label`] = 'BASE_TYPE_BAD_LENGTH';
    if (!str(o?.value, 1, 100)) out[`${at}.options.${i}.value`] = 'BASE_TYPE_BAD_LENGTH';
    if (!optStr(o?.description, 0, 100)) out[`${at}.options.${i}.description`] = 'BASE_TYPE_MAX_LENGTH';
    if (values.has(o?.value)) out[`${at}.options.${i}.value`] = 'SELECT_COMPONENT_OPTION_VALUE_DUPLICATED';
    values.add(o?.value);
  });
  if (!optInt(c.min_values, 0, 25)) out[`${at}.min_values`] = 'NUMBER_TYPE_MAX';
  if (!optInt(c.max_values, 1, 25)) out[`${at}.max_values`] = 'NUMBER_TYPE_MAX';
  const min = c.min_values ?? 1;
  const max = c.max_values ?? 1;
  if (min > max) out[`${at}.min_values`] = 'COMPONENT_MIN_GREATER_THAN_MAX';
  if (max > options.length) out[`${at}.max_values`] = 'SELECT_COMPONENT_TOO_MANY_VALUES';
  if (options.filter((o) => o?.default).length > max)
    out[`${at}.options`] = 'SELECT_COMPONENT_TOO_MANY_DEFAULTS';
  if (c.disabled) out[`${at}.disabled`] = 'COMPONENT_DISABLED_NOT_ALLOWED_IN_MODAL';
  if (!optStr(c.placeholder, 0, 150)) out[`${at}.placeholder`] = 'BASE_TYPE_MAX_LENGTH';
}

/** The problems of one modal, by path (`components.0.component.custom_id`); empty when Discord would show it. */
export function modalProblems(data: Json): Problems {
  const out: Problems = {};
  if (!str(data?.custom_id, 1, 100)) out.custom_id = 'BASE_TYPE_BAD_LENGTH';
  if (!str(data?.title, 1, 45)) out.title = 'BASE_TYPE_BAD_LENGTH';
  const components: Json[] = Array.isArray(data?.components) ? data.components : [];
  if (components.length < 1 || components.length > 5) out.components = 'BASE_TYPE_BAD_LENGTH';
  const ids: string[] = [];
  components.forEach((c, i) => {
    const at = `components.${i}`;
    if (c?.type === 18) {
      if (!str(c.label, 1, 45)) out[`${at}.label`] = 'BASE_TYPE_BAD_LENGTH';
      if (!optStr(c.description, 1, 100)) out[`${at}.description`] = 'BASE_TYPE_BAD_LENGTH';
      const inner = c.component;
      if (inner?.type === 4) textInput(inner, `${at}.component`, true, out);
      else if (inner?.type === 3) stringSelect(inner, `${at}.component`, out);
      else if (![5, 6, 7, 8, 19, 21, 22, 23].includes(inner?.type))
        out[`${at}.component`] = 'UNION_TYPE_CHOICES';
      ids.push(inner?.custom_id);
    } else if (c?.type === 1) {
      // Legacy: an action row in a modal holds text inputs only.
      const inner: Json[] = Array.isArray(c.components) ? c.components : [];
      if (inner.length !== 1) out[`${at}.components`] = 'BASE_TYPE_BAD_LENGTH';
      inner.forEach((x, j) => {
        if (x?.type !== 4) out[`${at}.components.${j}`] = 'UNION_TYPE_CHOICES';
        else textInput(x, `${at}.components.${j}`, false, out);
        ids.push(x?.custom_id);
      });
    } else if (c?.type === 10) {
      if (!str(c.content, 1, 4000)) out[`${at}.content`] = 'BASE_TYPE_BAD_LENGTH';
    } else out[at] = 'UNION_TYPE_CHOICES';
  });
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) out.components = 'COMPONENT_CUSTOM_ID_DUPLICATED';
    seen.add(id);
  }
  return out;
}

/** Discord's answer to a modal it would refuse, shaped like its Invalid Form Body errors; null when it is fine. */
export function refuseModal(data: Json): RouteResult | null {
  const problems = modalProblems(data);
  if (!Object.keys(problems).length) return null;
  const errors: Json = {};
  for (const [path, code] of Object.entries(problems)) {
    let node = errors;
    for (const part of ['data', ...path.split('.')]) node = node[part] ??= {};
    node._errors = [{ code, message: `Invalid value (${code}).` }];
  }
  return discordError(400, 50035, 'Invalid Form Body', errors);
}
