// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.places;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The words an address is found by, and the words of what someone typed, alike: upper case, split
 * at anything but letters and digits ("St. Saviour's" gives ST, SAVIOUR, S). A postcode is also one
 * word without its space, so "SE301AB" finds "SE30 1AB".
 */
final class AddressWords {

  /** The longest word kept (gazetteer_word.word). */
  static final int MAX_LENGTH = 40;

  private AddressWords() {}

  /** The distinct words of a text, in the order they come. */
  static List<String> of(String text) {
    Set<String> words = new LinkedHashSet<>();
    add(words, text);
    return new ArrayList<>(words);
  }

  /**
   * Every word of the address: its lines, its town and its postcode, with and without its space.
   */
  static List<String> of(Address a) {
    Set<String> words = new LinkedHashSet<>();
    add(words, a.line1());
    add(words, a.line2());
    add(words, a.town());
    add(words, a.postcode());
    add(words, a.postcode().replace(" ", ""));
    return new ArrayList<>(words);
  }

  private static void add(Set<String> words, String text) {
    if (text == null) {
      return;
    }
    for (String w : text.toUpperCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (!w.isEmpty()) {
        words.add(w.length() > MAX_LENGTH ? w.substring(0, MAX_LENGTH) : w);
      }
    }
  }
}
