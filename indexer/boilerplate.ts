// Site-independent boilerplate lines: copyright notices, subscribe prompts, "Read more" links, credits.

/**
 * Lines that are never article text, whatever the site. Each rule is anchored or limited to short
 * lines so that a sentence which merely mentions a newsletter or a copyright is kept.
 */
const ALWAYS: RegExp[] = [
  /^(©|\(c\)\s|copyright\b)/i,
  /\ball rights reserved\b/i,
  /^(please )?do not (reproduce|copy|redistribute|republish)\b/i,
  /\bmay not be (re)?(published|produced|broadcast|rewritten|redistributed)\b/i,
];

/** Prompts and navigation that only count as boilerplate when the line is short (a button or a teaser). */
const SHORT: RegExp[] = [
  /©/,
  /^(sign up|subscribe|register|log in|sign in)\b/i,
  /\b(sign up|subscribe)\b.*\b(newsletter|inbox|alerts?|updates)\b/i,
  /\bnewsletter\b.*\b(sign up|subscribe|inbox|delivered|free)\b/i,
  /^(read|see|view|show|load|click|tap) (more|all|here|full)\b/i,
  /^(related|more on this|more from|recommended|most (read|popular|viewed)|also read|see also|read also|trending|sponsored)\b[\s:|-]*/i,
  /^(share|tweet|email|print|follow us|like us)\b( (this|on|us|article|story|via))*[\s:!.]*$/i,
  /^(advertisement|advertising|ad|sponsored content|continue reading( below)?|story continues below( advertisement)?)\W*$/i,
  /^(photo|image|picture|video|graphic|illustration)s?( credit)?\s*(:|by\b)/i,
  /^(getty images|reuters|ap photo|afp|epa|shutterstock)\b.{0,40}$/i,
  /^(comments?|leave a (comment|reply)|\d+ comments?)\W*$/i,
  /^[|\s]*(updated|published|posted|last (updated|modified))\b.{0,60}$/i,
  // A byline left in the body: "By Ann Lee - 11/18/19 11:04 PM", "by Sam Roe September 15, 2014" (no sentence end).
  /^[Bb][Yy]\s+\p{Lu}[\p{L}.'’-]*(\s+(\p{Lu}[\p{L}.'’-]*|de|la|le|du|del|della|di|dos|das|van|von|der|den|ter|da|bin|ibn|al|and|&))*([\s,|–—-]+.{0,40})?(?<![.!?"”])$/u,
  /^(you (may|might) also like|don'?t miss|want more stories|more stories|skip to (main )?content|this slideshow requires javascript|tell us what you think|join the (conversation|discussion)|have your say|watch (the )?video|listen to (this|the) (article|story))\b.{0,40}$/i,
  /^(advert|source|sources|credit|credits|image source|photograph|file photo)\s*:?\s*$/i,
  // Picture credits at the end of a caption: "(AP Photo/Jo Doe, File)", "Jo Doe | Bloomberg | Getty Images".
  /\((ap|afp|reuters|getty|epa|pa|ap photo|afp photo)?\s*(photo|image|picture|file)s?\b[^)]*\)\s*$/i,
  /(\||\/|,)\s*(getty images|afp|reuters|shutterstock|alamy|epa|pa wire|pa images|ap)\s*(via getty images)?\s*$/i,
  /^(this (article|story) (was|has been|is) )?(originally )?(published|appeared|updated) (on|in|at)\b.{0,100}$/i,
  /^(we use cookies|this (web)?site uses cookies)\b/i,
  /^(enable javascript|please enable)\b/i,
];

const SHORT_LIMIT = 160;

/** True when `line` is boilerplate (copyright, "All rights reserved", sign-up prompts, "Read more"...), not article text. */
export function isBoilerplate(line: string): boolean {
  const text = line.trim();
  if (text === "") return true;
  if (ALWAYS.some((re) => re.test(text))) return true;
  return text.length <= SHORT_LIMIT && SHORT.some((re) => re.test(text));
}

/** Normalises whitespace in one paragraph: NBSP, tabs and runs of spaces become one space; trimmed. */
export function cleanText(text: string): string {
  return text
    .replace(/[\u00a0\u2000-\u200a\u202f\u205f\u3000\t\r\f\v]/g, " ")
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, "")
    .replace(/ {2,}/g, " ")
    .replace(/ *\n */g, " ")
    .trim();
}

/** Cleans each paragraph and drops empty and boilerplate ones, keeping order. */
export function keepParagraphs(paragraphs: Iterable<string>): string[] {
  const kept: string[] = [];
  for (const raw of paragraphs) {
    const text = cleanText(raw);
    if (text !== "" && !isBoilerplate(text)) kept.push(text);
  }
  return kept;
}
