/** HTML left over in scraped text: stripped before counting words, and markup-only lines are not story. */

const TAG = /<\/?[a-zA-Z][^<>]{0,500}>|<!--[\s\S]{0,2000}?-->/g;
const ENTITY = /&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z]{2,10});/g;

const ODD_CHAR = /[{}<>=;|\\[\]_^`~&]/;
const ODD_CHARS = /[{}<>=;|\\[\]_^`~]/g;

/** The text with tags and character entities replaced by spaces (for word statistics only). */
export function stripMarkup(text: string): string {
  if (!text.includes('<') && !text.includes('&')) return text;
  return text.replace(TAG, ' ').replace(ENTITY, ' ');
}

/**
 * Whether a sentence is mostly markup or code rather than prose: little left once tags are stripped,
 * or many of the characters that prose rarely uses.
 */
export function looksLikeMarkup(text: string): boolean {
  if (!ODD_CHAR.test(text)) return false;
  const stripped = stripMarkup(text);
  if (stripped.trim().length < text.trim().length * 0.5) return true;
  const odd = stripped.match(ODD_CHARS)?.length ?? 0;
  return odd > 3 && odd > stripped.length * 0.06;
}
