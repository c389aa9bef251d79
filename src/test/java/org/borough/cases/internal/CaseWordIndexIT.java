// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
    for (int i = 0; i < 7; i++) {
      String also = i % 2 == 0 ? " " + rareWords.get(i / 2 % 3) : "";
      CaseView c = raise(common + also + " number " + i);
      if (i % 2 == 0) {
        both.add(0, c.id().value());
      }
    }
    List<String> words = List.of(common, rare.substring(0, 5));

    for (int[] way : new int[][] {{CaseWordIndex.FEW, 30}, {0, 30}, {0, 0}}) {
      String as = "thresholds " + way[0] + ", " + way[1];
      List<CaseRow> first = index.search(words, null, null, 3, way[0], way[1]);
      CaseRow last = first.get(first.size() - 1);
      List<CaseRow> second = index.search(words, last.openedAt(), last.id(), 3, way[0], way[1]);
      List<UUID> found = new ArrayList<>(first.stream().map(CaseRow::id).toList());
      found.addAll(second.stream().map(CaseRow::id).toList());
      assertThat(found).as(as).containsExactlyElementsOf(both);
      assertThat(index.search(List.of(common, word()), null, null, 3, way[0], way[1]))
          .as(as)
          .isEmpty();
    }
  }

  private CaseView raise(String description) {
    return signedIn.as(
        Fixtures.AGENT,
        () ->
            cases.open(
                Fixtures.newCase(
                    Fixtures.MISSED_BIN,
                    null,
                    description,
                    null,
                    null,
                    null,
                    Map.of("bin_type", List.of("general")),
                    null)));
  }

  private static String word() {
    StringBuilder s = new StringBuilder("z");
    for (int i = 0; i < 11; i++) {
      s.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
    }
    return s.toString();
  }
}
