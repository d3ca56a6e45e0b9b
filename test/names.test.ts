// Name mentions: titles stripped, particles kept, surnames mapped to full names, one value per person across articles.
import assert from "node:assert/strict";
import { buildAliasTable, canonicalizePeople, findNameMentions, PeopleRegistry, surnameOf } from "../indexer/names.js";

const names = (text: string): string[] => findNameMentions(text).map((m) => m.name);

describe("names", () => {
  describe("mentions", () => {
    const cases: Array<[string, string, string[]]> = [
      ["strips a multi-word title", "Secretary of State Marco Vela landed at noon.", ["Marco Vela"]],
      ["strips a demonym and title", "Mexican President Rosa Ibarra spoke first.", ["Rosa Ibarra"]],
      ["strips a place before a title", "Texas Senator Dale Price voted no.", ["Dale Price"]],
      ["strips honorifics", "Mr. Oduya and Dr. Lena Park arrived.", ["Oduya", "Lena Park"]],
      ["keeps de la", "The deal was signed by Juan Pablo de la Vega.", ["Juan Pablo de la Vega"]],
      ["keeps van and bin", "Pieter van Aalst met Farida bin Salleh.", ["Pieter van Aalst", "Farida bin Salleh"]],
      ["keeps O'", "Gwen O'Hara sold the farm.", ["Gwen O'Hara"]],
      ["drops an age", "Nineteen-year-old Lena Vasquez won.", ["Lena Vasquez"]],
      ["keeps initials written together", "Rep. J.R. Hollis voted no.", ["J.R. Hollis"]],
      ["initials alone are not a name", "The U.K. delegation left.", []],
      ["strips a party label", "Democrat Ana Ruiz and Rival Tom Shaw met.", ["Ana Ruiz", "Tom Shaw"]],
      ["a sentence-initial common word is not a name", "Speaking on Monday, Ravi Shah said little.", ["Ravi Shah"]],
      ["does not join across a sentence end", "They backed Trumbull. Ravi Shah did not.", ["Trumbull", "Ravi Shah"]],
    ];
    for (const [name, text, expected] of cases) it(name, () => assert.deepEqual(names(text).filter((n) => n !== "Monday"), expected));

    it("notes possessives and titles", () => {
      const [m] = findNameMentions("Senator Ada Cole's office declined to comment.");
      assert.equal(m?.name, "Ada Cole");
      assert.equal(m?.possessive, true);
      assert.equal(m?.titled, true);
      assert.equal(m?.kind, "person");
    });
  });

  describe("surnames", () => {
    it("finds the surname with its particles", () => {
      assert.equal(surnameOf("Juan Ramon de la Fuente"), "de la Fuente");
      assert.equal(surnameOf("Pieter van Aalst"), "van Aalst");
      assert.equal(surnameOf("Ana Ruiz"), "Ruiz");
    });
    it("maps a surname or a shorter tail back to the full name", () => {
      const reg = new PeopleRegistry();
      reg.add("Juan Ramon de la Fuente");
      reg.add("Ana Ruiz");
      assert.equal(reg.resolve("de la Fuente"), "Juan Ramon de la Fuente");
      assert.equal(reg.resolve("Ramon de la Fuente"), "Juan Ramon de la Fuente");
      assert.equal(reg.resolve("Ruiz"), "Ana Ruiz");
      assert.equal(reg.resolve("Stone"), null);
    });
    it("prefers the most recent of two people who share a surname", () => {
      const reg = new PeopleRegistry();
      reg.add("Bill Carter");
      reg.add("Jane Carter");
      assert.equal(reg.resolve("Carter", () => ["Jane Carter", "Bill Carter"]), "Bill Carter");
    });
  });

  describe("across articles", () => {
    it("joins a surname to the one full name that ends with it", () => {
      const table = buildAliasTable(["Marco Vela", "Vela", "Ana Ruiz"]);
      assert.deepEqual(canonicalizePeople(["Vela", "Marco Vela", "Ana Ruiz"], table), ["Marco Vela", "Ana Ruiz"]);
    });
    it("never merges on a surname two full names share", () => {
      const table = buildAliasTable(["Bill Carter", "Jane Carter", "Carter"]);
      assert.deepEqual(canonicalizePeople(["Carter"], table), ["Carter"]);
      assert.deepEqual(canonicalizePeople(["Jane Carter"], table), ["Jane Carter"]);
    });
    it("folds accents and case to one spelling, the most frequent", () => {
      const table = buildAliasTable(["José Pérez", "Jose Perez", "José Pérez", "jose perez"]);
      assert.deepEqual(canonicalizePeople(["jose perez", "Jose Perez"], table), ["José Pérez"]);
    });
    it("maps a shorter tail with particles to the fullest name", () => {
      const table = buildAliasTable(["Juan Ramon de la Fuente", "Ramon de la Fuente", "de la Fuente"]);
      assert.deepEqual(canonicalizePeople(["de la Fuente", "Ramon de la Fuente"], table), ["Juan Ramon de la Fuente"]);
    });
    it("leaves names the table does not know alone", () => {
      assert.deepEqual(canonicalizePeople(["Nobody Known"], {}), ["Nobody Known"]);
    });
  });
});
