// Test helper: a small sample of documents (original text) with speakers, topics, sources and dates, pushed
// through the real push step so the speakers index is filled too.
import { groupByArticle, pushArticles } from "../../indexer/push.js";
import type { Doc } from "../../indexer/types.js";
import { paragraph, quote } from "./docs.js";
import { testMeili } from "./meili.js";

const art = (articleId: string, title: string, source: string, publishedAt: string | undefined, topics: string[]) => ({
  title,
  source,
  topics,
  revision: `${articleId}-r1`,
  ...(publishedAt ? { publishedAt, publishedTs: Math.floor(Date.parse(publishedAt) / 1000) } : {}),
});

const harbour = art("harbour", "Ferry timetable changes at the harbour", "Coast Gazette", "2024-03-05T09:00:00Z", ["economy"]);
const bakery = art("bakery", "Village bakery wins the bread prize", "Daily Crumb", "2024-06-10T12:00:00Z", ["business", "culture"]);
const storm = art("storm", "Storm floods the seafront", "Coast Gazette", "2023-11-20T18:30:00Z", ["environment"]);
const nodate = art("nodate", "Letters about the ferry", "Reader Mail", undefined, ["economy"]);

/** The sample documents. Speakers: Tomas Lindqvist (3 quotes), Ana de la Fuente (2), Mara Olsen (1). */
export const SAMPLE_DOCS: Doc[] = [
  paragraph("harbour", 0, "The harbour board approved a new ferry timetable on Monday.", harbour),
  paragraph("harbour", 1, '"Queues will be shorter," said Tomas Lindqvist, who chairs the board.', { ...harbour, speakers: ["Tomas Lindqvist"] }),
  paragraph("harbour", 2, 'Ana de la Fuente disagreed: "The early ferry is gone."', { ...harbour, speakers: ["Ana de la Fuente"] }),
  quote("harbour", 0, "Queues will be shorter", "Tomas Lindqvist", { ...harbour, paragraph: 1 }),
  quote("harbour", 1, "The early ferry is gone.", "Ana de la Fuente", { ...harbour, paragraph: 2 }),
  paragraph("bakery", 0, "A small bakery in the village won the regional bread prize.", bakery),
  paragraph("bakery", 1, '"It is a lovely surprise," said the owner, Mara Olsen.', { ...bakery, speakers: ["Mara Olsen"] }),
  paragraph("bakery", 2, 'Ana de la Fuente, a regular, said the rye was "worth the ferry ride".', { ...bakery, speakers: ["Ana de la Fuente"] }),
  quote("bakery", 0, "It is a lovely surprise,", "Mara Olsen", { ...bakery, paragraph: 1 }),
  quote("bakery", 1, "worth the ferry ride", "Ana de la Fuente", { ...bakery, paragraph: 2 }),
  paragraph("storm", 0, 'Waves reached the promenade. <img src=x onerror=alert(1)> & "rain" fell all night.', storm),
  paragraph("storm", 1, '"We closed the ferry early," Tomas Lindqvist said. "Nobody was hurt."', { ...storm, speakers: ["Tomas Lindqvist"] }),
  quote("storm", 0, "We closed the ferry early,", "Tomas Lindqvist", { ...storm, paragraph: 1 }),
  quote("storm", 1, "Nobody was hurt.", "Tomas Lindqvist", { ...storm, paragraph: 1 }),
  paragraph("nodate", 0, "Several readers wrote in about the ferry timetable.", nodate),
  quote("nodate", 0, "Bring back the early boat", null, { ...nodate, paragraph: 0 }),
];

/** Pushes the sample into index `base` (settings must already be applied). */
export async function loadSample(base: string): Promise<void> {
  const { client } = await testMeili();
  await pushArticles(client, base, groupByArticle(SAMPLE_DOCS));
}

/** Sample documents matching `pred` (for expectations computed from the data, not hard-coded). */
export function sampleWhere(pred: (d: Doc) => boolean): Doc[] {
  return SAMPLE_DOCS.filter(pred);
}
