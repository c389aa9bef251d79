// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.identity.security;

import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.borough.system.SystemProperties;
import org.springframework.stereotype.Component;

/**
 * What a password a person chooses must be (ASVS V6.2): at least 12 characters, at most the 72
 * bytes BCrypt reads (a longer one would be refused by the encoder, or worse, cut short), and hard
 * to guess. Hard to guess is zxcvbn's estimate, which knows the passwords leaked most often,
 * English words, names and keyboard patterns, and is told the person's username and name and the
 * council's name: a password made of those is easy for anyone who knows whose account it is. It
 * must reach zxcvbn's score 3, about a hundred million guesses, beyond an online attack against the
 * sign-in throttle and slow offline against BCrypt. NCSC's three random words pass easily.
 */
@Component
public class PasswordPolicy {

  static final int MIN_LENGTH = 12;
  static final int MAX_BYTES = 72;
  static final int MIN_SCORE = 3;

  /** Its dictionaries take a moment to load: once. It keeps no state between measurements. */
  private static final Zxcvbn ZXCVBN = new Zxcvbn();

  private final List<String> councilWords;

  PasswordPolicy(SystemProperties system) {
    this.councilWords = words(List.of(system.councilName(), "borough", "council"));
  }

  /**
   * What is wrong with {@code password} for the person known by {@code personal} (username, name),
   * said as an error message beginning with {@code what} ("Password", "Your new password"), or
   * empty when it will do.
   */
  public Optional<String> problem(String password, String what, String... personal) {
    Optional<String> length = lengthProblem(password, what);
    if (length.isPresent()) {
      return length;
    }
    List<String> context = new ArrayList<>(councilWords);
    context.addAll(words(List.of(personal)));
    Strength strength = ZXCVBN.measure(password, context);
    if (strength.getScore() >= MIN_SCORE) {
      return Optional.empty();
    }
    String warning = strength.getFeedback().getWarning(Locale.UK);
    return Optional.of(
        what
            + " is too easy to guess"
            + (warning == null || warning.isBlank() ? "" : ": " + sentence(warning))
            + ". Try three or more random words");
  }

  /** Only the length: too short, or too long for BCrypt. */
  public Optional<String> lengthProblem(String password, String what) {
    if (password == null || password.length() < MIN_LENGTH) {
      return Optional.of(what + " must be at least " + MIN_LENGTH + " characters");
    }
    if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      return Optional.of(
          what
              + " must be "
              + MAX_BYTES
              + " characters or fewer (fewer with accented letters or symbols)");
    }
    return Optional.empty();
  }

  /**
   * Whole values, run together, and each word of them: "Ada Min" is also "adamin", "ada", "min".
   */
  private static List<String> words(List<String> values) {
    List<String> out = new ArrayList<>();
    for (String v : values) {
      if (v == null || v.isBlank()) {
        continue;
      }
      String lower = v.toLowerCase(Locale.UK);
      out.add(lower);
      out.add(lower.replaceAll("[^\\p{L}\\p{N}]+", ""));
      for (String w : lower.split("[^\\p{L}\\p{N}]+")) {
        if (w.length() >= 3) {
          out.add(w);
        }
      }
    }
    return out;
  }

  /** zxcvbn's warning inside a sentence of ours: no capital, no full stop of its own. */
  private static String sentence(String warning) {
    String w = warning.strip();
    if (w.endsWith(".")) {
      w = w.substring(0, w.length() - 1);
    }
    return Character.toLowerCase(w.charAt(0)) + w.substring(1);
  }
}
