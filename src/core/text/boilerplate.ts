/**
 * Recognises the page furniture that scraped news copy carries along with the story: bylines,
 * timestamps, "Scroll down for video", "Click here…", "Follow @…", "Read more:", photo credits and
 * copyright lines. The summarizer never picks such a line and leaves it out of its word statistics.
 */

/** Lines that are furniture from their first words on, whatever follows. */
const LEADING = [
  /^scroll (?:down|up) for (?:the )?(?:video|videos|more|pictures|photos)\b/i,
  /^click (?:here|on the link|through)\b/i,
  /^(?:tap|swipe) (?:here|to see|for)\b/i,
  /^(?:read|see|watch|listen|view) (?:more|also|the full story|the video|our|full coverage)\b\s*[:\-–—>]?/i,
  /^(?:related|more|also read|recommended|most read|trending|advertisement|sponsored(?: content)?)\s*(?:[:|\-–—]|$)/i,
  /^(?:published|updated|last updated|posted|first published|modified)\s*:/i,
  /^follow (?:us |him |her |them |me )?(?:on (?:twitter|x|facebook|instagram|threads|bluesky)|@)/i,
  /^(?:like us on facebook|sign up\b|subscribe (?:to|for|now|here)|share (?:this|on)|email this|print this)/i,
  /^(?:get|receive|want) (?:our|the|a|more)\b.{0,60}\bnewsletters?\b/i,
  /^continue reading\b/i,
  // WordPress feeds end every description with this line.
  /^the post .{1,300} appeared first on\b/i,
  /^(?:©|\(c\)\s*\d{4}|copyright\s*(?:©|\(c\)|\d{4}))/i,
  /^(?:photo|image|picture|video|graphic|file photo|caption|credit)s?\s*(?:credit)?\s*[:|]/i,
  /^(?:getty images|reuters|ap photo|afp(?: via getty images)?|epa|pa media|shutterstock)\s*[:|/]?\s*$/i,
];

/** Wire-service sign-offs; case matters ("Reporting by Jane Doe", not "writing by hand"). */
const SIGN_OFF = /^(?:Editing|Reporting|Additional reporting|Writing|Compiled) by [A-Z][\p{L}'’-]+ [A-Z]/u;

// A timestamp on its own: "Updated 10:32 AM EDT, Tue March 3, 2026", "2 hours ago", "3 March 2026 | 14:05".
// Each alternative ends at a word edge, so a line is read one way only (no backtracking blow-up).
const TIMESTAMP =
  /^(?:(?:updated|published|posted|last updated)\b[\s:]*)?(?=[^\n]*\d)(?:\d{1,4}(?:[:.]\d\d)?(?:st|nd|rd|th|\s?[ap]\.?m\b\.?)?(?!\w)|[ap]\.m\.?|(?:am|pm|jan\w*|feb\w*|mar\w*|apr\w*|may|june?|july?|aug\w*|sept?\w*|oct\w*|nov\w*|dec\w*|mon\w*|tue\w*|wed\w*|thu\w*|fri\w*|sat\w*|sun\w*|gmt|utc|bst|cet|[ecmp][sd]t|et|aest|aedt|nzdt|nzst|at|on|hours?|hrs?|minutes?|mins?|days?|ago)\b\.?|[\s,.|/·•-])+$/i;

/** Whole lines that are furniture. */
const WHOLE = [
  TIMESTAMP,
  /^(?:advertisement|ad|sponsored|share|tweet|email|print|comments?(?: \(\d+\))?|video|photos?|gallery)\.?$/i,
  /^this (?:material|article|story|content) may not be (?:published|reproduced|redistributed)/i,
];

// One alternation each: a single regex pass per sentence instead of one per pattern.
// The "^" is factored out so the engine tries the alternatives at the start only, not at every offset.
const anchored = (res: RegExp[]) =>
  new RegExp(`^(?:${res.map((re) => `(?:${re.source.replace(/^\^/, '')})`).join('|')})`, 'i');
const LEADING_ANY = anchored(LEADING);
const WHOLE_ANY = anchored(WHOLE);

const BYLINE_SEPARATORS = /\s*(?:,|\||\band\b|&|\bfor\b|\bin\b|[-–—])\s*/u;
const NAME_PART = /^(?:\.|@\w+|(?:[\p{Lu}][\p{L}'’.-]*|de|da|del|van|von|der|la|le|bin|al)(?:\s+|$))+$/u;

/** A byline's trailing timestamp: "… · 5:42pm, Mar 3 2026", "…, Kabul Updated 10:32 AM EDT, …". */
const BYLINE_TIME = /^(.*?)(?:\s*[·•|,–—-]\s*|\s+)((?:updated|published|posted)\b.*|\d.*)$/i;

/**
 * "By Jane Doe, CNN", "By . Daily Mail Reporter .", "By Jo Bloggs and Ann Lee | Reuters", and any of
 * these followed by a timestamp ("By Aroha Walker · 5:42pm, Mar 3 2026").
 */
function isByline(line: string): boolean {
  if (line.length > 160 || !/^by\b/i.test(line)) return false;
  const timed = BYLINE_TIME.exec(line);
  if (timed && TIMESTAMP.test(timed[2] ?? '') && isNamesByline(timed[1] ?? '')) return true;
  return isNamesByline(line);
}

function isNamesByline(line: string): boolean {
  if (line.length > 120 || !/^by\b/i.test(line)) return false;
  const m = /^by\s*(?:\.\s*)?(.*?)[\s.]*$/isu.exec(line);
  if (!m || line.length > 120) return false;
  const rest = m[1] ?? '';
  if (rest === '' || !/^[\p{Lu}@]/u.test(rest)) return false;
  const parts = rest.split(BYLINE_SEPARATORS).filter((p) => p.trim() !== '');
  if (parts.length === 0) return false;
  return parts.every((p) => NAME_PART.test(p.trim()) && p.trim().split(/\s+/).length <= 5);
}

/** A photo caption ending in a credit: "Barack Obama in Berlin (Getty Images)", "… | Photo: AP". */
const CREDIT =
  /(?:\(|\|\s*|\/\s*)(?:(?:photo|picture|image)s?\s*(?:credit)?\s*:\s*)?(?:getty images|getty|reuters|ap|afp|epa|pa|shutterstock|alamy|rex features)(?: photo| images)?\)?\s*$/i;
/**
 * A caption whose last sentence is a credit line: "… on Sunday. Photo: AFP", "… Photo / NZ Police",
 * "… Picture: AAP", "… (AP Photo/Ebrahim Noroozi)", "… (Supplied: AFP)". Case matters: the credit
 * word is capitalised and so is what follows it.
 */
const CAPTION_CREDIT =
  /(?:^|[.!?)]\s+|\()(?:(?:AP|AFP|EPA|PA|Reuters|Getty) )?(?:Photo(?:graph)?|Picture|Image|Pic|Video|Supplied|Credit)s? ?(?:[:/]|credit:) ?\p{Lu}[\p{L}\p{N} .&'’/-]{0,40}\)?\s*$/u;

/** Whether whitespace needs collapsing; plain \`includes\` scans are far cheaper than a regex here. */
function needsCollapse(text: string): boolean {
  return (
    text.includes('  ') ||
    text.includes('\n') ||
    text.includes('\t') ||
    text.includes('\r') ||
    text.includes('\u00a0')
  );
}

/**
 * Whether a line, paragraph or sentence is page furniture rather than story. Conservative: it only
 * fires on the shapes above, so "By fast-tracking coordination, …" or "Copyright law is …" stay.
 *
 * @example isBoilerplate('Scroll down for video') // → true
 */
export function isBoilerplate(text: string): boolean {
  const line = (needsCollapse(text) ? text.replace(/\s+/g, ' ') : text).trim();
  if (line === '') return true;
  if (LEADING_ANY.test(line) || SIGN_OFF.test(line) || isByline(line)) return true;
  if (line.length > 200) return false;
  // The remaining shapes are short; look at the tail only.
  const tail = line.slice(-60);
  return (
    WHOLE_ANY.test(line) ||
    /all rights reserved\.?$/i.test(tail) ||
    CREDIT.test(tail) ||
    CAPTION_CREDIT.test(tail)
  );
}
