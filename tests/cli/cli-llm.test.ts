/**
 * The CLI with a model configured, against the fake OpenAI-compatible server over HTTP on 127.0.0.1;
 * the CLI runs in this process (tests/cli/cli.test.ts covers the bin as a real process).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GOOD_ANSWER, HARBOR_PARAGRAPHS } from '../fakes/openai/harbor.ts';
import { type FakeOpenAi, startFakeOpenAi } from '../fakes/openai/server.ts';
import { runBriefer } from '../helpers/run-cli.ts';

const briefer = runBriefer;

let fake: FakeOpenAi;
let llm: Record<string, string>;
beforeEach(async () => {
  fake = await startFakeOpenAi({ kind: 'answer', answer: () => GOOD_ANSWER });
  llm = { BRIEFER_LLM_URL: fake.baseURL, BRIEFER_LLM_MODEL: 'fake-model', BRIEFER_LLM_TIMEOUT_MS: '10000' };
});
afterEach(() => fake.close());

describe('briefer CLI with a model', () => {
  it('brief waits for the model and says in JSON which summary it shows', async () => {
    const { code, stdout } = await briefer(['brief', '--format', 'json'], '', llm);
    expect(code).toBe(0);
    const { lead } = JSON.parse(stdout);
    expect(lead.summaryKind).toBe('model');
    expect(lead.model).toBe('fake-model');
    expect(lead.summary).toEqual(GOOD_ANSWER.summary);
    expect(lead.extractiveSummary[0]).toMatch(/^Five coastal nations/);
    expect(fake.calls).toBe(1);
  });

  it('story falls back to the extractive summary when the model does not answer in time', async () => {
    fake.behave({ kind: 'hang' });
    const { code, stdout, stderr } = await briefer(['story', '--format', 'json'], '', {
      ...llm,
      BRIEFER_LLM_TIMEOUT_MS: '300',
    });
    expect(code).toBe(0);
    expect(JSON.parse(stdout).lead.summaryKind).toBe('extractive');
    expect(stderr).toContain('timeout');
    expect(stderr).toContain('extractive summary shown');
  });

  it('summarize --llm, one article and --jsonl', async () => {
    const article = HARBOR_PARAGRAPHS.join('\n\n');
    const one = await briefer(['summarize', '--llm', '--json'], article, llm);
    expect(one.code).toBe(0);
    expect(JSON.parse(one.stdout)).toMatchObject({
      summaryKind: 'model',
      model: 'fake-model',
      summary: GOOD_ANSWER.summary,
    });

    const lines = [
      JSON.stringify({ id: 'a', text: article, sentences: 3 }),
      JSON.stringify({
        id: 'b',
        text: 'A short note about nothing in particular. It has no figures.',
        sentences: 3,
      }),
    ].join('\n');
    const batch = await briefer(['summarize', '--jsonl', '--llm'], lines, llm);
    const [a, b] = batch.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(a).toMatchObject({ id: 'a', summaryKind: 'model', summary: GOOD_ANSWER.summary });
    // The fake's answer names nations the note does not: not grounded, so the extractive summary.
    expect(b).toMatchObject({ id: 'b', summaryKind: 'extractive' });
    expect(b.summary[0]).toBe('A short note about nothing in particular.');
  });

  it('summarize --llm without a model configured is a usage error', async () => {
    const { code, stderr } = await briefer(['summarize', '--llm'], 'Some text.', {});
    expect(code).toBe(2);
    expect(stderr).toContain('BRIEFER_LLM_URL');
  });
});
