// GET /api/facets/:facet: values of one facet matching typed text (any word of the value), under the other filters.
import { Router } from "express";
import { NotFound } from "../errors.js";
import type { FacetGroup } from "../search/filters.js";
import { parseFacetParams } from "../search/params.js";
import { FACETS, type SearchService } from "../search/service.js";

/** GET /api/facets/:facet. */
export function facetsRouter(search: SearchService): Router {
  return Router().get("/api/facets/:facet", async (req, res) => {
    const facet = req.params.facet as FacetGroup;
    if (!FACETS.includes(facet))
      throw new NotFound(`Unknown facet ${facet}: use one of ${FACETS.join(", ")}`);
    const { q, filters } = parseFacetParams(req.query);
    const values = await search.facetValues(facet, q, filters);
    res.json({ facet, query: q, values });
  });
}
