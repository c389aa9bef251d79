// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.residents;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.borough.residents.internal.ResidentRepository;

/**
 * Residents whose names sound like, or are spelt nearly like, a searched name (ADR 0024): read by
 * the surname's Double Metaphone and Soundex keys, then ranked by edit distance here, so 'smyth'
 * lists the Smiths and 'jon smtih' lists John Smith first.
 */
final class SimilarNames {

  static final int LIMIT = 10;

  /** Enough candidates to rank; each read stops here, off its index. */
  private static final int CANDIDATES = 100;

  private SimilarNames() {}

  /**
   * @param wanted the searched name as 'surname forename' (normalised, forename may be missing)
   * @param exact what the spelling itself found, left out of the answer
   */
  static List<ResidentSummary> find(
      ResidentRepository residents, String wanted, List<ResidentSummary> exact) {
    String[] parts = wanted.split(" ", 2);
    String surname = parts[0];
    String forename = parts.length > 1 ? parts[1] : "";
    if (surname.length() < 2) {
      return List.of();
    }
    NameSounds.Keys keys = NameSounds.of(forename, surname);
    Map<ResidentId, ResidentSummary> found = new LinkedHashMap<>();
    String forenameKey = forename.isEmpty() ? null : keys.forename();
    read(residents, keys, forenameKey, found);
    if (forenameKey != null && found.size() < LIMIT) {
      // 'Jonathan' and 'Jon' sound different but are one person's names: widen to the surname.
      read(residents, keys, null, found);
    }
    Set<ResidentId> already = exact.stream().map(ResidentSummary::id).collect(Collectors.toSet());
    int allowance = Math.max(2, surname.length() / 2);
    return found.values().stream()
        .filter(r -> !already.contains(r.id()))
        .filter(r -> surnameDistance(r, surname) <= allowance)
        .sorted(
            Comparator.comparingInt((ResidentSummary r) -> score(r, surname, forename))
                .thenComparing(ResidentSummary::sortKey))
        .limit(LIMIT)
        .toList();
  }

  private static void read(
      ResidentRepository residents,
      NameSounds.Keys keys,
      String forenameKey,
      Map<ResidentId, ResidentSummary> into) {
    if (!keys.surname().isEmpty()) {
      residents
          .bySound("surname_sound", keys.surname(), forenameKey, CANDIDATES)
          .forEach(r -> into.putIfAbsent(r.id(), r));
    }
    if (!keys.surnameSoundex().isEmpty()) {
      residents
          .bySound("surname_soundex", keys.surnameSoundex(), forenameKey, CANDIDATES)
          .forEach(r -> into.putIfAbsent(r.id(), r));
    }
  }

  private static int surnameDistance(ResidentSummary r, String surname) {
    return NameSimilarity.distance(r.sortKey().split(" ", 2)[0], surname);
  }

  /** Surname distance counts double: the forename is often shortened or misheard. */
  private static int score(ResidentSummary r, String surname, String forename) {
    int score = 2 * surnameDistance(r, surname);
    if (!forename.isEmpty()) {
      String[] key = r.sortKey().split(" ", 2);
      String theirs = key.length > 1 ? key[1] : "";
      boolean shortened =
          !theirs.isEmpty() && (theirs.startsWith(forename) || forename.startsWith(theirs));
      score += shortened ? 0 : Math.min(NameSimilarity.distance(theirs, forename), 4);
    }
    return score;
  }
}
