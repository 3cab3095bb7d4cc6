/**
 * Slack over HTTP on loopback: how long Slack would wait for the ack of a signed `/brief`, and how long
 * until the reply reaches the response_url. The real Bolt app, Briefer's real pipeline, a fake Slack.
 * Sequential requests (one user typing), after a warm-up; median and p99 over REQUESTS each.
 */

import { SIGNING_SECRET, startSlackHarness } from '../tests/e2e/slack/harness.ts';
import { makeNews } from '../tests/fakes/slack/news.ts';
import { signatureHeaders, slashCommandBody } from '../tests/fakes/slack/signed-request.ts';
import { percentile as nearestRank } from './table.ts';

const REQUESTS = 250;
const WARM_UP = 25;

/** Nearest-rank percentile, in ms with two decimals. */
const percentile = (sorted: number[], p: number): number => Number(nearestRank(sorted, p).toFixed(2));

async function measure(label: string, headlines: number, command: string, text: string) {
  const h = await startSlackHarness({ news: makeNews({ headlines }), logLevel: 'warn' });
  try {
    const url = `${h.baseUrl}/slack/events`;
    const acks: number[] = [];
    const delivered: number[] = [];
    let messages = 0;
    for (let i = 0; i < WARM_UP + REQUESTS; i++) {
      const responseUrl = h.responses.url();
      const id = responseUrl.split('/').at(-1) as string;
      const body = slashCommandBody({ command, text, response_url: responseUrl });
      const headers = signatureHeaders(SIGNING_SECRET, body);
      const started = performance.now();
      const res = await fetch(url, { method: 'POST', headers, body });
      const acked = performance.now();
      await res.arrayBuffer();
      await h.bot.settled();
      const posts = h.responses.postsTo(id);
      if (res.status !== 200 || posts.length === 0 || posts.some((p) => p.status !== 200))
        throw new Error(`request ${i}: ack ${res.status}, ${posts.length} posts`);
      if (i < WARM_UP) continue;
      acks.push(acked - started);
      delivered.push(Math.max(...posts.map((p) => p.at)) - started);
      messages = posts.length;
    }
    acks.sort((a, b) => a - b);
    delivered.sort((a, b) => a - b);
    const row = (what: string, xs: number[]) => ({
      case: `slack ${label}: ${what}`,
      requests: xs.length,
      messages,
      median_ms: percentile(xs, 50),
      p99_ms: percentile(xs, 99),
      max_ms: Number((xs.at(-1) ?? 0).toFixed(2)),
    });
    return [row('ack (HTTP response)', acks), row('reply delivered to response_url', delivered)];
  } finally {
    await h.close();
  }
}

export async function benchSlack(): Promise<Array<Record<string, string | number>>> {
  return [
    ...(await measure('/brief, 12 headlines', 12, '/brief', '')),
    ...(await measure('/brief, 200 headlines', 200, '/brief', '')),
  ];
}

// `npx tsx bench/slack.ts` runs it alone.
if (import.meta.url === `file://${process.argv[1]}`) console.table(await benchSlack());
