/** Link URLs inside markup: characters that would end or split the link are percent-encoded. */

/** `url` with every character matching `chars` (a global RegExp) percent-encoded, e.g. `(` → `%28`. */
export function percentEncodeChars(url: string, chars: RegExp): string {
  return url.replace(chars, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** Ends a Markdown `[text](url)` link (Discord and CommonMark alike): parentheses, angle brackets, spaces. */
export const MARKDOWN_LINK_BREAKERS = /[()\s<>]/g;
