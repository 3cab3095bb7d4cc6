/**
 * What Discord rejects with 400 Invalid Form Body, checked independently of Briefer's renderer
 * (the numbers are Discord's documented limits, deliberately not imported from src/render/limits.ts).
 */
const LIMIT = {
  content: 2000,
  embeds: 10,
  embedTotal: 6000,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  author: 256,
  actionRows: 5,
  rowComponents: 5,
  buttonLabel: 80,
  customId: 100,
  buttonUrl: 512,
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
};

type Json = Record<string, unknown>;

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

function embedProblems(e: Json, at: string): { problems: string[]; length: number } {
  const problems: string[] = [];
  const check = (value: unknown, max: number, what: string, required = false) => {
    const s = str(value);
    if (value !== undefined && s === undefined) problems.push(`${at}.${what}: not a string`);
    if (required && !s) problems.push(`${at}.${what}: required`);
    if (s && s.length > max) problems.push(`${at}.${what}: ${s.length} > ${max}`);
    return s?.length ?? 0;
  };
  let length = check(e.title, LIMIT.title, 'title') + check(e.description, LIMIT.description, 'description');
  length += check((e.footer as Json | undefined)?.text, LIMIT.footer, 'footer.text');
  length += check((e.author as Json | undefined)?.name, LIMIT.author, 'author.name');
  const fields = (e.fields as Json[] | undefined) ?? [];
  if (fields.length > LIMIT.fields) problems.push(`${at}.fields: ${fields.length} > ${LIMIT.fields}`);
  fields.forEach((f, i) => {
    length += check(f.name, LIMIT.fieldName, `fields[${i}].name`, true);
    length += check(f.value, LIMIT.fieldValue, `fields[${i}].value`, true);
  });
  if (
    e.color !== undefined &&
    (!Number.isInteger(e.color) || (e.color as number) < 0 || (e.color as number) > 0xffffff)
  )
    problems.push(`${at}.color: not 0..0xffffff`);
  if (e.url !== undefined && !/^https?:\/\/\S+$/.test(String(e.url))) problems.push(`${at}.url: not a URL`);
  return { problems, length };
}

function componentProblems(rows: Json[]): string[] {
  const problems: string[] = [];
  if (rows.length > LIMIT.actionRows) problems.push(`components: ${rows.length} rows > ${LIMIT.actionRows}`);
  const ids = new Set<string>();
  rows.forEach((row, r) => {
    const items = (row.components as Json[] | undefined) ?? [];
    if (row.type !== 1) problems.push(`components[${r}]: not an action row`);
    if (items.length < 1 || items.length > LIMIT.rowComponents)
      problems.push(`components[${r}]: ${items.length} items`);
    items.forEach((b, i) => {
      const at = `components[${r}].components[${i}]`;
      if (b.type !== 2) return;
      if ((str(b.label) ?? '').length > LIMIT.buttonLabel) problems.push(`${at}.label too long`);
      if (b.style === 5) {
        if (!str(b.url) || String(b.url).length > LIMIT.buttonUrl) problems.push(`${at}.url invalid`);
        if (b.custom_id !== undefined) problems.push(`${at}: link button with custom_id`);
      } else {
        const id = str(b.custom_id);
        if (!id || id.length > LIMIT.customId) problems.push(`${at}.custom_id invalid`);
        else if (ids.has(id)) problems.push(`${at}.custom_id duplicated`);
        else ids.add(id);
      }
    });
  });
  return problems;
}

/** Problems Discord would reject a message body for; `create` requires some visible content. */
export function messageProblems(body: unknown, { create }: { create: boolean }): string[] {
  if (typeof body !== 'object' || body === null) return ['body: not an object'];
  const m = body as Json;
  const problems: string[] = [];
  const content = m.content;
  if (content !== undefined && content !== null && typeof content !== 'string')
    problems.push('content: not a string');
  if (typeof content === 'string' && content.length > LIMIT.content)
    problems.push(`content: ${content.length} > ${LIMIT.content}`);
  const embeds = (m.embeds as Json[] | undefined) ?? [];
  if (embeds.length > LIMIT.embeds) problems.push(`embeds: ${embeds.length} > ${LIMIT.embeds}`);
  let total = 0;
  embeds.forEach((e, i) => {
    const r = embedProblems(e, `embeds[${i}]`);
    problems.push(...r.problems);
    total += r.length;
  });
  if (total > LIMIT.embedTotal) problems.push(`embeds: ${total} characters in total > ${LIMIT.embedTotal}`);
  problems.push(...componentProblems((m.components as Json[] | undefined) ?? []));
  if (create && !content && embeds.length === 0 && !(m.components as Json[] | undefined)?.length)
    problems.push('message: cannot send an empty message');
  return problems;
}

export function choiceProblems(data: unknown): string[] {
  const choices = ((data as Json | undefined)?.choices as Json[] | undefined) ?? [];
  const problems: string[] = [];
  if (choices.length > LIMIT.choices) problems.push(`choices: ${choices.length} > ${LIMIT.choices}`);
  choices.forEach((c, i) => {
    const name = str(c.name) ?? '';
    if (name.length < 1 || name.length > LIMIT.choiceName)
      problems.push(`choices[${i}].name: length ${name.length}`);
    if (typeof c.value === 'string' && c.value.length > LIMIT.choiceValue)
      problems.push(`choices[${i}].value too long`);
  });
  return problems;
}
