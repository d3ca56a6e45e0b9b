// Speaker attribution: one table of original sentences per sieve, most precise first; null when unsure.
import assert from "node:assert/strict";
import { extractQuotes } from "../indexer/quotes.js";

/** Runs the whole finder and returns the speaker of the quote whose text starts with `prefix`. */
function speakerOf(paragraphs: string[], prefix: string): string | null {
  const q = extractQuotes(paragraphs).find((f) => f.text.startsWith(prefix));
  assert.ok(q, `no quote starting "${prefix}" in ${JSON.stringify(extractQuotes(paragraphs))}`);
  return q.speaker;
}

type Case = [name: string, paragraphs: string[], quotePrefix: string, speaker: string | null];

const sieves: Record<string, Case[]> = {
  "1. right after the closing mark": [
    ["name then verb, particle kept", ["Water minister Lucia de la Vega opened the dam.", '"It holds a year of rain," de la Vega said.'], "It holds", "Lucia de la Vega"],
    ["verb then surname", ["Coach Dmitri Orlov spoke after the match.", '"We were lucky in the second half," said Orlov.'], "We were lucky", "Dmitri Orlov"],
    ["verb then a possessive role and the name between commas", ["\u201CWe treat the whole month as one long election day,\u201D said Holt\u2019s deputy campaign manager, Rina Basu, who ran the 2012 ground game."], "We treat the whole", "Rina Basu"],
    ["an inverted `remembered`", ["\u201CNobody wanted the merger,\u201D remembered Ola Fenn, the firm's former spokesman."], "Nobody wanted", "Ola Fenn"],
    ["verb then role and name", ['"Keep the gates shut," said harbour master Ellen Voss.'], "Keep the gates", "Ellen Voss"],
    ["name with an appositive", ['"The bridge is safe," Hugh Hill, a structural engineer, told reporters.'], "The bridge is safe", "Hugh Hill"],
    ["wrote in a post", ['"The vote was rushed," Nadia Kerimova wrote in a social media post.'], "The vote was rushed", "Nadia Kerimova"],
    ["verbs of tone: fumed, pressed, concludes", ["\u201CThey wasted a whole year,\u201D Kessler fumed on Tuesday. \u201CWould you sign it?\u201D Dana Pruitt pressed."], "Would you sign", "Dana Pruitt"],
    ["a present-tense close", ["\u201CThe field is wide open,\u201D Kessler concludes."], "The field is wide", "Kessler"],
    ["two names and no speech verb after a closed quote is no attribution", ["The vote surprised pollster Dana Reyes: \u201CNobody saw it coming.\u201D Reyes and Li run the county poll."], "Nobody saw it", "Dana Reyes"],
    ["`until X said` after the quote is another clause, not a role: null", ["Many voters say they were \u201Cstill undecided\u201D until Mayor Ann Orr said she was running."], "still undecided", null],
    ["a party name is a crowd, not a speaker: null", ["\u201CTaxes are too high,\u201D Republicans said."], "Taxes are too high", null],
    ["role nouns that are also verbs keep the chain", ["\u201CThe noise will fade,\u201D said Green party boss Ada Kowal."], "The noise will fade", "Ada Kowal"],
    ["his + role + name", ["\u201CHe had big plans for the farm,\u201D his cousin Omar el Sayed added."], "He had big plans", "Omar el Sayed"],
    ["a role, not a name: null", ['"Prices will rise again," the bank governor said.'], "Prices will rise", null],
    ["as X said", ["Supporters say the plan is \"good for every village,\" as Mayor Ana Paz said on Monday."], "good for every", "Ana Paz"],
    ["X was asked: not the speaker", ['Reporter Jo Lind put it plainly. Senator Ravi Mehta was asked, "Will you resign?"'], "Will you resign", null],
  ],
  "2. according to": [
    ["according to a named source", ['The fire started in the kitchen, according to fire chief Olu Bankole, who called it "a simple accident."'], "a simple accident", "Olu Bankole"],
    ["according to a generic source: null", ['The fund is "nearly empty," according to officials.'], "nearly empty", null],
  ],
  "3. a speech verb earlier in the sentence": [
    ["subject, on his end, said", ["Finance chief Tariq Aziz, on his end, said the budget was \"tight but honest.\""], "tight but honest", "Tariq Aziz"],
    ["main clause then saying that", ["Governor Mae Holt visited the mill, saying that the town had \"earned a second chance.\""], "earned a second", "Mae Holt"],
    ["said then adding that", ["Governor Mae Holt met the bankers.", "Holt said the loan was approved, adding that repayments would be \"small and slow.\""], "small and slow", "Mae Holt"],
    ["title stripped from the subject", ["Mexican President Rosa Ibarra said the talks were \"going nowhere.\""], "going nowhere", "Rosa Ibarra"],
    ["told a listener", ["Chef Paolo Ricci told the magazine he wanted \"less fuss and more flavour.\""], "less fuss", "Paolo Ricci"],
    ["the organisation after `of` is not the subject", ["Ada Voss, president and CEO of Harbor Grain Cooperative stated, \u201CIt is a math problem.\u201D"], "It is a math", "Ada Voss"],
    ["a town and state after the name", ["Lina Marsh of Dover, New Hampshire says she thinks the mayor can win if he keeps \u201Cdoing what he does.\u201D"], "doing what he does", "Lina Marsh"],
    ["a conjunction is no introductory phrase", ["But Otto Brandt, at a research firm called Kelvin Partners, argues that the ties will deepen and \u201Cits influence will grow,\u201D too."], "its influence", "Otto Brandt"],
    ["a place in the appositive is not the subject", ["Rosa Quint, who lives outside the state capital, Denver, said she still \u201Choped for a miracle.\u201D"], "hoped for", "Rosa Quint"],
    ["a role before the name, a town after it", ["Union chief Ben Amos of Leeds said he was \u201Cstunned\u201D by the vote, arguing that \u201Cit breaks every promise.\u201D"], "it breaks every", "Ben Amos"],
    ["a spokeswoman for an organisation", ["A spokeswoman for the Harbor Board emailed reporters a copy of the rules, arguing, \u201CThe pier is safe.\u201D"], "The pier is safe", "Harbor Board"],
    ["compared to, with two partial quotes", ["Ola Berg, a historian at the college, compared the senator to a referee who is \u201Cblowing every whistle\u201D in hopes that \u201Cthe crowd goes quiet.\u201D"], "the crowd goes quiet", "Ola Berg"],
    ["blamed with a quoted object", ["Gov. Tessa Lind blamed the court's \u201Cthree stubborn judges\u201D for the delay."], "three stubborn", "Tessa Lind"],
    ["a participle after a statement", ["In Ottawa, Prime Minister Ravi Dorn released a statement on Friday condemning \u201Ca cowardly attack on a market.\u201D"], "a cowardly attack", "Ravi Dorn"],
    ["an aside between dashes", ["On Friday, Lomax \u2014 tipped by several papers as the likely running mate \u2014 told a radio host that \u201Cyou have to take it seriously.\u201D"], "you have to take", "Lomax"],
    ["`And then` opens the clause", ["And then Mira Kessel went on the attack, saying, \u201CWhere was the mayor all week?\u201D"], "Where was the mayor", "Mira Kessel"],
    ["two joined participles", ["Critics were quick to respond, with Mira Kessel tweeting that it was a \u201Cmess\u201D and asking, \u201CWho signed this?\u201D"], "Who signed this", "Mira Kessel"],
    ["a sentence opened by `Said`", ["Said Dora Pike, who grew up on the street, \u201CWe were all proud of him.\u201D"], "We were all proud", "Dora Pike"],
    ["as X put it", ["As Lena Ortiz put it, \u201CThe dam is older than the town.\u201D"], "The dam is older", "Lena Ortiz"],
    ["as X puts it, the next clause does not speak", ["As the Herald's Tessa Vane puts it, the mayor is making the council \u201Can offer it cannot refuse.\u201D"], "an offer it cannot", "Tessa Vane"],
    ["asked by a moderator: the moderator asks", ["Mayor Ruth Agbaje was asked by moderator Paul Kline whether the levy would risk \u201Canother empty promise.\u201D"], "another empty", "Paul Kline"],
    ["`but now said` after a clause of the same subject", ["Senator Oli Brandt used to back the governor, but now said the party had \u201Ca duty to unite.\u201D"], "a duty to unite", "Oli Brandt"],
    ["a short past verb after an appositive", ["Rita Mboya, head of the teachers' union, tied the scores to smaller classes, saying the change helped \u201Cthousands of kids.\u201D"], "thousands of kids", "Rita Mboya"],
    ["a negated auxiliary before the verb", ["Ana Ruiz, a well-known activist, backed the plan Monday, saying she hadn't yet called for a recall because she believed \u201Cwe must fix the pipes first.\u201D"], "we must fix", "Ana Ruiz"],
    ["a time between the subject and its verb", ["Senator Ida Moss on Thursday stepped up her attacks on the mayor, saying he is \u201Casleep at the wheel.\u201D"], "asleep at the wheel", "Ida Moss"],
    ["a time before the verb of a relative clause", ["Much of the anger was aimed at Pruitt, who Lomax on Wednesday called \u201Ca reckless man.\u201D"], "a reckless man", "Lomax"],
    ["`according to its count` is no source", ["Tomas Ek, a member of the party board, said that according to its count, the party won most seats, but \u201Cwe are still counting.\u201D"], "we are still", "Tomas Ek"],
    ["an adverb before a participle with `to`", ["Both rivals used harsh words, with Ida Moss recently promising to \u201Csweep them out of office.\u201D"], "sweep them", "Ida Moss"],
    ["citing", ["On Tuesday, Gov. Dana Ruiz endorsed her, citing her \u201Clong record of service.\u201D"], "long record", "Dana Ruiz"],
    ["the second of two clauses, past an appositive", ["Ravi Dorn on Monday signed an order to close the port, while Ida Moss, the former governor, proposed we \u201Copen every gate.\u201D"], "open every gate", "Ida Moss"],
    ["an inverted attribution set off by commas", ["The puzzle of the mayor, says Carl Ostby, a historian at the city archive, is that she was \u201Cthe quietest boss the town ever had.\u201D"], "the quietest boss", "Carl Ostby"],
    ["a participle after a place or channel is the subject's", ["Mayor Ada Kowal answered the question on Facebook writing, \u201CYes, I will resign.\u201D"], "Yes, I will", "Ada Kowal"],
    ["a colon after a newspaper that was told", ["Senator Ida Moss explained the vote to the Danish paper Nordposten: \u201CWe had no other choice.\u201D"], "We had no other", "Ida Moss"],
    ["`with X participle …`: X is the participle's subject", ["Both rivals blamed the council, with Ida Moss noting the folly of closing \u201Cthe only bridge we have.\u201D"], "the only bridge", "Ida Moss"],
    ["a participle after `despite` is the subject's", ["Speaker Ola Brandt, R-Ore., despite admitting worries about \u201Clawyers getting rich,\u201D backed the bill on Friday."], "lawyers getting rich", "Ola Brandt"],
    ["coordinated clause", ["Mira Sol confirmed the date and said \"everyone is welcome.\""], "everyone is welcome", "Mira Sol"],
    ["two joined subjects: null", ["Ivo Brandt and Lea Voss said the deal was \"done by Friday.\""], "done by Friday", null],
    ["a colon after a preposition's object: the clause subject", ["Council leader Mira Sand, D-Ore., delivered a short message to Halvorsen: \u201CStop blocking the vote.\u201D"], "Stop blocking", "Mira Sand"],
    ["a channel before the colon is not the speaker: null", ["Then, later that month on Channel Nine: \u201CI never said that.\u201D"], "I never said", null],
    ["a clause after a quote that ends in a comma", ["In a clip that Judge Ola Park called \u201Cdistasteful,\u201D Rolf Berg said he would \u201Cburn the whole place down.\u201D"], "burn the whole", "Rolf Berg"],
    ["a colon after the name", ["Inspector Kofi Mensah: \"Nobody leaves the building.\""], "Nobody leaves", "Kofi Mensah"],
    ["a plural noun is not the verb", ["Ann Lee says Tom Fox\u2019s flurry of tweets was \u201Cunhinged.\u201D"], "unhinged", "Ann Lee"],
    ["progressive speech verb", ["Mayor Lena Ortiz is telling voters in the valley that \u201Cthe dam will hold.\u201D"], "the dam will hold", "Lena Ortiz"],
    ["progressive after an aside", ["Lena Ortiz, for her part, is once again labeling the plan \u201Ca costly mistake.\u201D"], "a costly mistake", "Lena Ortiz"],
    ["a participle after `X said,`", ["The two leaders will meet next month, Halvorsen said, adding, \u201CThey need a long talk.\u201D"], "They need a long", "Halvorsen"],
    ["participle with a time or place", ["The ad ends with footage of Lena Ortiz saying at a rally in May, \u201CWe will build it.\u201D"], "We will build it", "Lena Ortiz"],
  ],
  "4. a lead-in paragraph": [
    ["colon at the end of the previous paragraph", ["Festival director Ines Carvalho put it this way:", '"We sold every ticket in an afternoon."'], "We sold every", "Ines Carvalho"],
    ["a paraphrase paragraph, then pure quotation", ["The river rose fast. Mayor Ada Kowal said the town would reopen the bridge.", '"We owe the drivers that much."'], "We owe the drivers", "Ada Kowal"],
    ["any speech verb in the lead-in paragraph", ["Chef Ivo Lind, who runs two kitchens, praised the new market hall.", "\u201CIt is the best thing this town has built.\u201D"], "It is the best", "Ivo Lind"],
    ["a paragraph about someone, then pure quotation: null", ["Mayor Ada Kowal reopened the bridge on Monday.", '"We owe the drivers that much."'], "We owe the drivers", null],
  ],
  "5. the quote before it": [
    ["interrupted quote keeps the speaker", ['"The road is open," said Lars Berg, "but drive slowly."'], "but drive slowly", "Lars Berg"],
    ["next sentence carries on", ['"The road is open," said Lars Berg. "Drive slowly."'], "Drive slowly", "Lars Berg"],
    ["a paraphrase opened by the speaker, then the quote", ["\u201CRates will hold,\u201D said Ines Moreau, an economist at Fenwick Bank. Moreau added that the board wants calm before the vote. \u201CThey hate surprises.\u201D"], "They hate surprises", "Ines Moreau"],
    ["a paraphrase opened by a name and an appositive", ["Coan, the driver's lawyer, argues that his client never meant harm. \u201CHe was trying to help.\u201D"], "He was trying", "Coan"],
    ["a paraphrase opened by any speech verb", ["Ada Kowal blasted the plan on Monday. \u201CIt is a waste of money.\u201D"], "It is a waste", "Ada Kowal"],
    ["only places named in between", ["\u201CThose are tiny villages,\u201D Pell said. They sit far from Corran Bay and Port Illet. \u201CNobody drives there.\u201D"], "Nobody drives", "Pell"],
    ["a quote interrupted mid-sentence shares the attribution", ["\u201CWithout that bridge\u201D and the ferry line, Mayor Ruth Agbaje said on Friday, \u201Cthe island would be cut off.\u201D"], "Without that bridge", "Ruth Agbaje"],
    ["partial quotes attributed at the sentence end", ["The grant will bring \u201Creal money\u201D and give schools the \u201Cbreathing room\u201D they need, council spokesman Ravi Dutt said."], "real money", "Ravi Dutt"],
    ["a quote that ended its sentence does not share: null", ["\u201CWe hoped for more.\u201D Then Mayor Ruth Agbaje said, \u201Cthe island would be cut off.\u201D"], "We hoped", null],
    ["a run of quote-only paragraphs keeps the speaker", ["\u201CThe roads are bad,\u201D Barkow said. \u201CThey were never fixed.\u201D", "\u201CAnd now the bridge is closing too.\u201D"], "And now the bridge", "Barkow"],
    ["someone else named in between: null", ['"The road is open," said Lars Berg. Police chief Ada Kowal disagreed. "It is not safe."'], "It is not safe", null],
  ],
  "organisations and signatures": [
    ["an organisation speaks through its report", ['"Growth will slow next year," the OECD report said.'], "Growth will slow", "OECD"],
    ["a spokesman of an organisation", ['"The pier is closed," a Harbour Board spokesman said.'], "The pier is closed", "Harbour Board"],
    ["`it` is the organisation heading the sentence", ["The Harbour Board on Monday fined the ferry line for what it called \u201Ca reckless pattern of delays.\u201D"], "a reckless pattern", "Harbour Board"],
    ["a person's aide does not speak as that person: null", ["Senator Ida Moss left early.", '"She is tired," a Moss aide said.'], "She is tired", null],
    ["a dash signs a reader's quote", ["\u201CWe want a park, not a car park.\u201D \u2015 Nadia Ferraz"], "We want a park", "Nadia Ferraz"],
    ["the verb comes first, the name after a colon", ["In short, explained planner Ruth Oduya: \"The road goes under the river.\""], "The road goes", "Ruth Oduya"],
    ["an of-phrase after the name", ['"Rents will keep rising," Sam Ortiz of the Tenants Union wrote on Monday.'], "Rents will keep", "Sam Ortiz"],
    ["a paraphrase attributed just before the quote", ['Fares may rise in May, Mayor Tom Reid said. "Nobody likes it."'], "Nobody likes it", "Tom Reid"],
  ],
  "pronouns": [
    ["she refers to the subject, not the object", ["Judge Maria Lopez thanked Tom Reyes for his work. She then spoke to the jury.", '"You have a hard task," she said.'], "You have a hard", "Maria Lopez"],
    ["she refers to a surname that is also a word", ["Nora Bell, a speechwriter, left the party in May.", "Sara Holm was away at the time.", "Bell said she has two choices: back the mayor, whom she called \u201Ca decent man,\u201D or stay home."], "a decent man", "Nora Bell"],
    ["he with no fitting person: null", ["The storm passed at dawn.", '"It was loud," he said.'], "It was loud", null],
  ],
  "surnames and full names": [
    ["surname maps back to the full name", ["Secretary of State Marco Vela arrived late.", 'Vela said the meeting was "long overdue."'], "long overdue", "Marco Vela"],
    ["a person mentioned but not quoted is not the speaker", ["Ana Ruiz praised Paul Stone.", '"He never gave up," Ruiz said.'], "He never gave up", "Ana Ruiz"],
    ["a title word after Mr. is a surname", ["Mr. King and Mr. Pollard will speak at the fair. \u201CIt is a good day for farmers,\u201D Mr. King added."], "It is a good day", "King"],
    ["a surname that is also a title, proven by the full name", ["Tennis great Greta Judge came to the funeral.", "Judge says the boxer \u201Cnever once backed down.\u201D"], "never once", "Greta Judge"],
    ["a middle initial that is also a word", ["\u201CThe town deserves better than this.\u201D \u2015 Julie A. Moreno Vidal."], "The town deserves", "Julie A. Moreno Vidal"],
    ["nobody named: null", ['A sign on the door said "Back in ten minutes".'], "Back in ten", null],
  ],
};

describe("attribution", () => {
  for (const [sieve, cases] of Object.entries(sieves)) {
    describe(sieve, () => {
      for (const [name, paragraphs, prefix, speaker] of cases) {
        it(`${name} → ${speaker ?? "null"}`, () => assert.equal(speakerOf(paragraphs, prefix), speaker));
      }
    });
  }
});
