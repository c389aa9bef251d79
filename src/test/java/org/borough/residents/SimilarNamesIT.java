// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.residents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.jayway.jsonpath.JsonPath;
import db.migration.common.V52__forgiving_search_backfill;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.borough.cases.CaseManagement;
import org.borough.cases.CaseSearch;
import org.borough.cases.CaseView;
import org.borough.support.Fixtures;
import org.borough.support.IntegrationTest;
import org.borough.support.ResidentDetailsFor;
import org.borough.support.SignedIn;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The search that forgives spelling (ADR 0024): a name spelt as it sounds, or with a slip, lists
 * the resident under 'similar names', closest first, after what the spelling itself found; merged
 * residents are not listed; the console and the API show the list; an upgraded database's residents
 * and cases are found as new ones are.
 */
class SimilarNamesIT extends IntegrationTest {

  private static final String CONSONANTS = "bdfklprtv";
  private static final String VOWELS = "aeiou";

  @Autowired ResidentManagement residents;
  @Autowired CaseManagement cases;
  @Autowired CaseSearch caseSearch;
  @Autowired SignedIn signedIn;
  @Autowired JdbcClient jdbc;
  @Autowired DataSource dataSource;
  @Autowired MockMvc mvc;

  @Test
  void aSurnameSpeltAsItSoundsListsTheResidentUnderSimilarNames() {
    String surname = surname();
    ResidentId jane = register("Jane", surname);
    String misspelt = otherVowel(surname, 1);

    ResidentSearch result = search(misspelt);

    assertThat(result.results()).extracting(ResidentSummary::id).doesNotContain(jane);
    assertThat(result.similar()).extracting(ResidentSummary::id).contains(jane);
  }

  @Test
  void aSlipOfTheKeyboardThatSoundexForgivesIsListedToo() {
    String surname = surname().substring(0, 4) + "m" + surname().substring(5);
    ResidentId john = register("John", surname);
    // m and n are one Soundex group but two Metaphone sounds: found through Soundex alone.
    String slip = surname.substring(0, 4) + "n" + surname.substring(5);

    assertThat(search(slip).similar()).extracting(ResidentSummary::id).contains(john);
    assertThat(search("Jon " + slip).similar()).extracting(ResidentSummary::id).contains(john);
  }

  @Test
  void theClosestSpellingComesFirstAndExactMatchesAreNotRepeated() {
    String surname = surname();
    String query = otherVowel(surname, 1);
    String further = otherVowel(otherVowel(query, 3), 5);
    ResidentId near = register("Ann", surname);
    ResidentId far = register("Ann", further);
    ResidentId exact = register("Ann", query);

    ResidentSearch result = search("Ann " + query);

    assertThat(result.results()).extracting(ResidentSummary::id).containsExactly(exact);
    assertThat(result.similar())
        .extracting(ResidentSummary::id)
        .containsSubsequence(near, far)
        .doesNotContain(exact);
  }

  @Test
  void aMergedResidentIsNotListed() {
    String surname = surname();
    ResidentId keep = register("Sam", surname);
    ResidentId duplicate = register("Sam", otherVowel(surname, 3));
    signedIn.as(
        Fixtures.SUPERVISOR,
        () -> {
          residents.merge(keep, duplicate);
          return null;
        });

    assertThat(search("Sam " + otherVowel(surname, 1)).similar())
        .extracting(ResidentSummary::id)
        .contains(keep)
        .doesNotContain(duplicate);
  }

  @Test
  void theConsoleAndTheApiShowSimilarNames() throws Exception {
    String surname = surname();
    register("Ruth", surname);
    String misspelt = otherVowel(surname, 1);

    String page =
        mvc.perform(get("/residents").param("q", misspelt).with(signedIn.request(Fixtures.AGENT)))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page).contains("Similar names", "Ruth " + capitalised(surname));

    String json =
        mvc.perform(
                get("/api/v1/residents")
                    .param("q", misspelt)
                    .accept(MediaType.APPLICATION_JSON)
                    .with(signedIn.request(Fixtures.AGENT)))
            .andReturn()
            .getResponse()
            .getContentAsString();
    List<String> names = JsonPath.read(json, "$.similar[*].name");
    assertThat(names).contains("Ruth " + capitalised(surname));
  }

  @Test
  void theUpgradeFillsTheSoundKeysAndWordsOfDataHeldBeforeIt() throws Exception {
    String surname = surname();
    ResidentId old = register("Olive", surname);
    String word = "w" + surname;
    CaseView c =
        signedIn.as(
            Fixtures.AGENT,
            () ->
                cases.open(
                    Fixtures.newCase(
                        Fixtures.MISSED_BIN,
                        old,
                        "Bin left by " + word,
                        null,
                        null,
                        null,
                        Map.of("bin_type", List.of("general")),
                        null)));
    // As a database upgraded to V51 holds them: keys blank, no words.
    jdbc.sql(
            "update resident set surname_sound = '', surname_soundex = '', forename_sound = ''"
                + " where id = ?")
        .param(old.value())
        .update();
    jdbc.sql("delete from case_word where case_id = ?").param(c.id().value()).update();
    String misspelt = otherVowel(surname, 1);
    assertThat(search(misspelt).similar()).extracting(ResidentSummary::id).doesNotContain(old);

    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      new V52__forgiving_search_backfill().migrate(context(connection));
      connection.commit();
    }

    assertThat(search(misspelt).similar()).extracting(ResidentSummary::id).contains(old);
    assertThat(
            signedIn.as(Fixtures.CASEWORKER, () -> caseSearch.find(word, null)).cases().stream()
                .map(m -> m.summary().reference()))
        .containsExactly(c.reference());
    assertThat(
            jdbc.sql("select count(*) from case_word where case_id = ?")
                .param(c.id().value())
                .query(Long.class)
                .single())
        .as("the migration adds each word once")
        .isEqualTo(
            (long)
                org.borough.cases.CaseWords.of(c.reference(), "Bin left by " + word, null).size());
  }

  private static Context context(Connection connection) {
    return new Context() {
      @Override
      public Configuration getConfiguration() {
        return null;
      }

      @Override
      public Connection getConnection() {
        return connection;
      }
    };
  }

  private ResidentId register(String forename, String surname) {
    return signedIn.as(
        Fixtures.AGENT,
        () ->
            residents.register(
                ResidentDetailsFor.contact(forename, capitalised(surname), null, null)));
  }

  private ResidentSearch search(String q) {
    return signedIn.as(Fixtures.AGENT, () -> residents.search(q, null));
  }

  /**
   * Eight letters, consonant then vowel, from consonants each sounded one way: a name no other test
   * holds, whose vowels can change without changing how it sounds.
   */
  private static String surname() {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      String from = i % 2 == 0 ? CONSONANTS : VOWELS;
      s.append(from.charAt(ThreadLocalRandom.current().nextInt(from.length())));
    }
    return s.toString();
  }

  /** The name with its vowel at {@code index} (odd) replaced by another vowel. */
  private static String otherVowel(String name, int index) {
    char v = name.charAt(index);
    char other = VOWELS.charAt((VOWELS.indexOf(v) + 1) % VOWELS.length());
    return name.substring(0, index) + other + name.substring(index + 1);
  }

  private static String capitalised(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
