// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.borough.cases.CaseManagement;
import org.borough.cases.CaseView;
import org.borough.support.Fixtures;
import org.borough.support.IntegrationTest;
import org.borough.support.SignedIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The word index's three ways to a page — from the fewest cases a word starts, from the newest
 * cases of each word a word starts, or newest first over all cases — give the same cases in the
 * same order, page after page.
 */
class CaseWordIndexIT extends IntegrationTest {

  @Autowired CaseWordIndex index;
  @Autowired CaseManagement cases;
  @Autowired SignedIn signedIn;

  @Test
  void everyWayFindsTheSameCasesInTheSameOrder() {
    String common = word();
    String rare = word();
    // The rare prefix starts three different words; one case has two of them, and is one result.
    List<String> rareWords = List.of(rare, rare + "s " + rare, rare + "ing");
    List<UUID> both = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      boolean hasCommon = i % 2 == 0;
      boolean hasRare = i % 3 != 0;
      CaseView c =
          raise(
              (hasCommon ? common : "other")
                  + (hasRare ? " " + rareWords.get(i / 2 % 3) : "")
                  + " number "
                  + i);
      if (hasCommon && hasRare) {
        both.add(0, c.id().value());
      }
    }
    // The prefix first: with a sample of 0, the first word that can lead does. Two others, so the
    // merge also orders its checks.
    List<String> words = List.of(rare.substring(0, 5), common, "numb");

    // The last threshold 0 holds a word's cases in memory as soon as a batch leaves a page short.
    int[][] ways = {{CaseWordIndex.SAMPLE, 30, 2_000}, {0, 30, 2_000}, {0, 30, 0}, {0, 0, 0}};
    for (int[] way : ways) {
      for (int limit : List.of(1, 3)) {
        String as = "thresholds " + Arrays.toString(way) + ", pages of " + limit;
        List<UUID> found = new ArrayList<>();
        List<CaseRow> page = index.search(words, null, null, limit, way[0], way[1], way[2]);
        while (!page.isEmpty()) {
          assertThat(page.size()).as(as).isLessThanOrEqualTo(limit);
          page.forEach(c -> found.add(c.id()));
          CaseRow last = page.get(page.size() - 1);
          page = index.search(words, last.openedAt(), last.id(), limit, way[0], way[1], way[2]);
        }
        assertThat(found).as(as).containsExactlyElementsOf(both);
      }
      assertThat(index.search(List.of(common, word()), null, null, 3, way[0], way[1], way[2]))
          .as("thresholds " + Arrays.toString(way))
          .isEmpty();
    }
  }

  @Test
  void aWordsUnreadCasesComeBeforeAnOlderMatchOfAnotherWord() {
    String common = word();
    String rare = word();
    UUID oldest = raise(common + " " + rare).id().value();
    UUID older = raise(common + " " + rare + "ing").id().value();
    UUID newest = raise(common + " " + rare).id().value();
    for (int i = 0; i < 5; i++) {
      raise("other " + rare + " " + i);
    }
    // With a sample of 0 the prefix leads, and with 0 last the word fewest pass is held at once. A
    // page of one reads four cases a word at first: the four
    // newest of 'rare' (none has the common word) and the one of 'raring'. 'raring' is older than
    // the fourth: the newest match,
    // the third case raised, is among 'rare's unread cases, and must come first.
    List<String> words = List.of(rare.substring(0, 6), common);
    List<UUID> found = new ArrayList<>();
    List<CaseRow> page = index.search(words, null, null, 1, 0, 30, 0);
    while (!page.isEmpty()) {
      found.add(page.get(0).id());
      page = index.search(words, page.get(0).openedAt(), page.get(0).id(), 1, 0, 30, 0);
    }
    assertThat(found).containsExactly(newest, older, oldest);
  }

  private CaseView raise(String description) {
    return signedIn.as(Fixtures.AGENT, () -> cases.open(Fixtures.missedBin(description, null)));
  }

  private static String word() {
    StringBuilder s = new StringBuilder("z");
    for (int i = 0; i < 11; i++) {
      s.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
    }
    return s.toString();
  }
}
