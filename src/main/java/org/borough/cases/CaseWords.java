// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.cases;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words a case is found by (ADR 0024): those of its reference, description and address,
 * lower-case and without accents, its postcode also without the space, and its reference number
 * without leading zeros, so 'BRG-2026-000123', '123' and '2026-000123' all find it.
 */
public final class CaseWords {

  /** Longer words are cut: a prefix this long finds them. */
  public static final int WORD_LENGTH = 30;

  /** A description of 4,000 characters is not worth 600 rows; its first words are enough. */
  static final int MAX_WORDS = 80;

  /** Words a search never needs, kept out of the index so no search reads millions of rows. */
  private static final Set<String> COMMON =
      Set.of(
          "a", "an", "and", "are", "as", "at", "be", "been", "but", "by", "for", "from", "has",
          "have", "i", "in", "is", "it", "its", "my", "of", "on", "or", "our", "so", "that", "the",
          "their", "there", "this", "to", "was", "we", "were", "with");

  private static final Pattern POSTCODE =
      Pattern.compile("\\b([a-z]{1,2}[0-9][a-z0-9]?) ?([0-9][a-z]{2})\\b");

  private CaseWords() {}

  /** The words to index for a case; the address may be null. */
  public static Set<String> of(String reference, String description, String address) {
    Set<String> words = new LinkedHashSet<>();
    for (String part : words(reference)) {
      words.add(part);
      if (part.chars().allMatch(Character::isDigit)) {
        String number = part.replaceFirst("^0+(?=.)", "");
        words.add(number);
      }
    }
    String place = plain(address == null ? "" : address);
    Matcher m = POSTCODE.matcher(place);
    while (m.find()) {
      words.add(m.group(1) + m.group(2));
    }
    for (String w : words(place)) {
      words.add(w);
    }
    for (String w : words(description)) {
      if (words.size() >= MAX_WORDS) {
        break;
      }
      words.add(w);
    }
    return words;
  }

  /** A search's words, each to match the start of an indexed word; empty when none is usable. */
  public static List<String> query(String q) {
    List<String> words = new ArrayList<>(new LinkedHashSet<>(words(q)));
    // 'SE1 7PB' is two words, each found; 'se17pb' is one. Both reach the same cases.
    return words.size() > 6 ? words.subList(0, 6) : words;
  }

  private static List<String> words(String text) {
    List<String> out = new ArrayList<>();
    if (text == null) {
      return out;
    }
    for (String w : plain(text).split("[^a-z0-9]+")) {
      if (w.length() >= 2 && !COMMON.contains(w)) {
        out.add(w.length() > WORD_LENGTH ? w.substring(0, WORD_LENGTH) : w);
      }
    }
    return out;
  }

  private static String plain(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFD)
        .replaceAll("\\p{M}", "")
        .toLowerCase(Locale.ROOT);
  }
}
