/**
 * Wire datelines open many articles: "(CNN)The…", "LONDON (Reuters) - The…", "WASHINGTON (AP) — The…",
 * "NEW YORK, Nov 3 (Reuters) - …". They name the outlet, not the story: left in, they start the summary
 * with "(CNN)" and make the outlet a key fact. Only the opening of a story's first paragraph is touched.
 */
const CREDIT = String.raw`\((?:[A-Z][\w&'.]*(?: [A-Z][\w&'.]*){0,4})\)`;
// "(CNN)" glued to the text, or followed by a dash.
const BARE = new RegExp(String.raw`^${CREDIT}(?:\s*[-–—]+\s*|\s*(?=[A-Z"“‘']))`);
// "LONDON (Reuters) -", "NEW YORK, Nov 3 (Reuters) —": a place in capitals, an optional date, a credit, a dash.
const PLACED = new RegExp(
  String.raw`^[A-Z][A-Z .'-]{1,40}(?:,\s*[A-Z][\w .]{1,20}\d{1,2})?\s+${CREDIT}\s*[-–—]+\s*`,
);
// "WASHINGTON — The…" (AP style without a credit): capitals, then a long dash.
const PLACE_DASH = /^[A-Z][A-Z .'-]{2,40}\s+[—–]\s+(?=[A-Z"“])/;

export function stripDateline(paragraph: string): string {
  for (const pattern of [BARE, PLACED, PLACE_DASH]) {
    const m = pattern.exec(paragraph);
    // Keep the paragraph if the dateline was all there was.
    if (m && paragraph.length - m[0].length > 20) return paragraph.slice(m[0].length);
  }
  return paragraph;
}
