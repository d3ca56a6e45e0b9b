// Entry of the page bundle: the search page at `/`, the article view at `/article/:id`.
import { render } from "preact";
import { ArticlePage } from "./ArticlePage.js";
import { SearchPage } from "./SearchPage.js";

const root = document.getElementById("app");
const articlePath = /^\/article\/([^/]+)\/?$/.exec(location.pathname);
if (root) {
  root.textContent = "";
  render(articlePath?.[1] ? <ArticlePage id={decodeURIComponent(articlePath[1])} params={new URLSearchParams(location.search)} /> : <SearchPage />, root);
}
