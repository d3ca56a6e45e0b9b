// Word lists of news attribution: speech verbs, participles, adverbs, determiners, and the finite-verb test.
import { lexTags } from "../names.js";

/** Speech verbs that introduce or close a quotation in news writing. */
export const SPEECH_VERBS = new Set(
  (
    "said says say told tells added adds asked asks wrote writes tweeted tweets posted explained explains warned warns " +
    "noted notes argued argues insisted insists declared declares stated states claimed claims continued continues " +
    "recalled recalls replied replies responded responds answered observed acknowledged acknowledges admitted admits " +
    "announced announces remarked joked jokes quipped conceded concedes cautioned suggested suggests predicted predicts " +
    "complained complains charged countered contended maintained emphasized emphasised stressed stresses mused shouted " +
    "yelled exclaimed concluded boasted vowed promised pledged urged urges reported reports testified confirmed " +
    "agreed lamented laments described describes called calls labeled labelled dubbed branded blasted slammed " +
    "criticized criticised praised hailed hails mocked accused accuses alleged alleges thundered insisted wondered " +
    "opined reiterated reiterates chimed tells proclaimed proclaims echoed echoes revealed reveals conceded " +
    "groused grumbled cracked gushed shot bragged whispered muttered retorted interjected pleaded added " +
    "asserted asserts assured assures proposed proposes welcomed welcomes demanded demands emailed texted recounted " +
    "recounts reasoned speculated affirmed questioned questions conceded concedes summed pointed went " +
    "attacked dismissed lauded touted condemned denounced decried rejected cited agrees agreed disagreed disagrees found finds " +
    "concludes answers bemoaned bemoans fumed fumes pressed presses pondered elaborated blamed blames credited indicated reacted referred compared likened sniped estimated remembered"
  ).split(" "),
);

/** Verbs that put their subject after them (`explained moderator Ann Li: "…"`); `told`/`asked` take an object there. */
export const INVERTIBLE = new Set("said says added adds explained explains wrote writes noted notes continued continues recalled replied responded answered observed declared stated argued insisted warned quipped remarked concluded remembered".split(" "));

/** Participles whose subject is the subject of the main clause (`Rubio addressed the attack, saying that …`). */
export const PARTICIPLES = new Set(
  ("saying adding telling writing noting arguing explaining warning insisting calling describing declaring claiming " +
    "asking tweeting stating stressing recalling replying responding acknowledging admitting announcing suggesting " +
    "predicting complaining urging promising vowing boasting praising criticizing criticising accusing labeling " +
    "dubbing branding labelling pledging questioning touting blasting slamming mocking dismissing denying " +
    "condemning chiding blaming crediting lamenting demanding citing").split(" "),
);

export const ADVERB_OR_AUX =
  /^(?:himself|herself|themselves|itself|also|later|then|now|yet|since|never|already|still|actually|indeed|instead|has|had|have|would|will|could|previously|recently|once|again|further|simply|quickly|reportedly|publicly|privately|repeatedly|earlier|often|frequently|long|flatly|bluntly|angrily|simply|famously|jokingly|sarcastically|even|recently|then|emphatically|initially|first|separately|also|only|just|ultimately|finally|afterward|afterwards|subsequently|once|twice|has\s+long|on\s+his\s+end|on\s+her\s+end|in\s+a\s+statement|in\s+an\s+interview)$/i;

export const SUBJECT_PRONOUNS = new Set(["he", "she", "they", "we", "i", "it"]);

export const DETERMINERS = /^(?:the|a|an|one|another|two|three|several|some|many|most|other|his|her|their|its|our|this|that|these|those)$/i;

/** Words that may stand between a name and the name it qualifies (`Cruz constituent Dan Golvach`), not prepositions. */
export const CHAIN_STOP = /^(?:in|on|at|to|for|from|with|during|after|before|of|by|about|while|and|but|or|as|than|that|who|which|when|where|until|unless|because|since|if|though|although|whether|once|so|said|says|told|is|was|has|had|will|would)$/;

/** Nouns through which an organisation speaks: `a White House spokesman said`, `the IMF report said`. */
export const VOICE_NOUNS = /^(?:spokesman|spokeswoman|spokesperson|spokespeople|report|statement|memo|letter|study|survey|analysis|readout|release|filing|complaint|lawsuit|website|document|editorial|announcement|account|poll)$/u;

/** Whether a lower-case word is a finite verb (past or present tense, modal, copula) per the lexicon. */
export function isFiniteVerb(word: string): boolean {
  if (SPEECH_VERBS.has(word) || /^[a-z]{2,}ed$/u.test(word)) return true;
  // the stem of a negated auxiliary, as the tokenizer leaves it ("didn" of "didn't")
  if (/^(?:didn|doesn|don|wasn|weren|isn|aren|hasn|haven|hadn|won|can|couldn|wouldn|shouldn|has|had|was|is|will|would)$/u.test(word)) return true;
  return lexTags(word).some((t) => t === "PastTense" || t === "PresentTense" || t === "Infinitive" || t === "Modal" || t === "Copula" || t === "Auxiliary");
}

/** Words that open an introductory phrase: the main clause's subject comes after its comma. */
export const INTRO = /^(?:of|after|before|while|when|in|at|on|during|as|although|though|if|since|speaking|asked|following|despite|with|without|from|for|by|under|earlier|later|last|this|meanwhile|however|still|yet|and|but|so|then|also|once)\b/iu;
