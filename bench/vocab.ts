// Word lists for the synthetic benchmark corpus: all invented for onrecord, no text taken from any publication.

/** Given names; combined with surnames they make the speakers of the synthetic corpus. */
export const GIVEN_NAMES = [
  "Amara", "Bruno", "Carla", "Dmitri", "Elena", "Farid", "Greta", "Hugo", "Ines", "Jonas",
  "Keiko", "Luis", "Mira", "Nikolai", "Olga", "Pablo", "Rania", "Sven", "Tamsin", "Umar",
  "Vera", "Wen", "Ximena", "Yusuf", "Zora", "Anton", "Beatriz", "Cormac", "Delia", "Emeka",
  "Fiona", "Goran", "Hana", "Ivo", "Jana", "Kofi", "Lena", "Marek", "Nadia", "Oskar",
];

/** Surnames, including particles news writing keeps (de la, van, bin, O'). */
export const SURNAMES = [
  "Okafor", "Lindqvist", "Moreau", "Takahashi", "Brennan", "Castellanos", "Novak", "Haddad",
  "Pereira", "Kowalczyk", "Mbeki", "Sorensen", "Iyer", "Fontaine", "Albrecht", "Rosales",
  "de la Vega", "van Dijkstra", "bin Rashid", "O'Halloran", "Petrescu", "Quispe", "Varga",
  "Whitcombe", "Yilmaz", "Zamora", "Achterberg", "Bellamy", "Cienfuegos", "Drummond",
  "Esposito", "Falk", "Grimaldi", "Holm", "Ishikawa", "Jovanovic", "Kerr", "Laine",
];

/** Roles written before a name; the attribution step strips them. */
export const ROLES = [
  "Finance Minister", "Police Chief", "Senator", "Mayor", "Prosecutor", "Health Secretary",
  "Defence Minister", "union leader", "economist", "spokeswoman", "spokesman", "coach",
  "chief executive", "professor", "judge", "governor",
];

export const PLACES = [
  "Port Ellery", "Vasterholm", "San Aurelio", "Kirrin Bay", "Maplestead", "Ostrava Nova",
  "Brightwater", "Lake Corran", "New Halden", "Tarragon Heights", "Eastmoor", "Quillon",
];

export const ORGANIZATIONS = [
  "the Central Bank", "the Transport Authority", "the Supreme Court", "the Health Ministry",
  "the Harbour Workers Union", "the National Grid", "the Olympic Committee", "Redfern Motors",
  "the City Council", "the Coast Guard", "the Energy Regulator", "Northwind Airlines",
];

export const SOURCES = ["Daily Ledger", "Harbour Post", "Evening Courier", "Northern Wire", "Civic Gazette"];

/** Topic words: each synthetic article leans on one group, so topic facets have a realistic spread. */
export const TOPIC_WORDS: Record<string, string[]> = {
  crime: ["police", "arrest", "court", "trial", "prosecutor", "charges", "investigation", "verdict"],
  politics: ["election", "parliament", "minister", "vote", "coalition", "campaign", "government", "policy"],
  economy: ["inflation", "budget", "tax", "interest", "rates", "unemployment", "growth", "markets"],
  business: ["company", "shares", "profits", "merger", "investors", "factory", "contract", "revenue"],
  technology: ["software", "data", "network", "chips", "startup", "privacy", "platform", "robots"],
  health: ["hospital", "doctors", "vaccine", "patients", "clinic", "nurses", "outbreak", "treatment"],
  environment: ["climate", "flood", "emissions", "drought", "wildlife", "pollution", "forest", "energy"],
  sport: ["match", "season", "coach", "championship", "goal", "league", "players", "stadium"],
  culture: ["festival", "museum", "film", "novel", "concert", "theatre", "artists", "exhibition"],
  conflict: ["troops", "ceasefire", "border", "missile", "soldiers", "talks", "sanctions", "defence"],
};

/** Frequent plain words, the head of the word-frequency curve. */
export const COMMON_WORDS = (
  "the of and to in a that for on with as was at by from is it be has have are said " +
  "after over more than about new year last week day people city country report plan " +
  "public local national officials state first two three many since while under would " +
  "could should will may also but not its their this those these into out up down some " +
  "most other such only both each any all per cent million billion early late morning " +
  "evening night month spring summer autumn winter north south east west central region " +
  "community residents workers families service services system change changes support " +
  "money costs price prices time times number group groups part side area areas way"
).split(" ");

/** Syllables for rare invented words: the long tail that real news vocabularies have. */
export const SYLLABLES = [
  "ka", "lo", "mer", "tan", "vi", "sor", "del", "bru", "qua", "nex", "pil", "rom", "ast",
  "ven", "tor", "lis", "gar", "hul", "zen", "fra", "mi", "do", "cel", "par", "wyn", "ost",
];

export const SAY_VERBS = ["said", "told reporters", "added", "warned", "explained", "insisted"];
