// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.residents;

import org.apache.commons.codec.language.DoubleMetaphone;
import org.apache.commons.codec.language.Soundex;

/**
 * How a name sounds, as stored beside it for the search that forgives spelling (ADR 0024): Double
 * Metaphone for sound-alikes (Smith, Smyth, Smythe), Soundex for typing slips Metaphone misses
 * (Smtih, Snith). Keys are computed from the normalised name, so 'O'Brien' and 'obrien' agree.
 */
public final class NameSounds {

  /** Long enough to tell most surnames apart, short enough to forgive endings. */
  private static final int LENGTH = 6;

  private static final DoubleMetaphone METAPHONE = metaphone();
  private static final Soundex SOUNDEX = new Soundex();

  private NameSounds() {}

  /** The keys kept for a resident: surname Metaphone, surname Soundex, forename Metaphone. */
  public record Keys(String surname, String surnameSoundex, String forename) {}

  public static Keys of(String forename, String surname) {
    String s = joined(ResidentManagement.normalise(surname));
    String f = joined(ResidentManagement.normalise(forename));
    return new Keys(metaphone(s), soundex(s), metaphone(f));
  }

  static String metaphone(String word) {
    if (word.isEmpty()) {
      return "";
    }
    String code = METAPHONE.doubleMetaphone(word);
    return code == null ? "" : code;
  }

  static String soundex(String word) {
    // Soundex codes letters only; a surname of digits has no sound.
    String letters = word.replaceAll("[^a-z]", "");
    return letters.isEmpty() ? "" : SOUNDEX.soundex(letters);
  }

  /** 'van der berg' sounds from 'vanderberg': the spaces say nothing about the sound. */
  private static String joined(String normalised) {
    return normalised.replace(" ", "");
  }

  private static DoubleMetaphone metaphone() {
    DoubleMetaphone m = new DoubleMetaphone();
    m.setMaxCodeLen(LENGTH);
    return m;
  }
}
