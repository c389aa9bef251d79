// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.identity.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalTime;
import java.time.ZoneId;
import org.borough.system.SystemProperties;
import org.junit.jupiter.api.Test;

/** ASVS V6.2: long enough, not too long for BCrypt, and not easy to guess for whose it is. */
class PasswordPolicyTests {

  private final PasswordPolicy policy =
      new PasswordPolicy(
          new SystemProperties(
              Path.of("data"),
              "Westminster City Council",
              ZoneId.of("Europe/London"),
              LocalTime.of(9, 0),
              LocalTime.of(17, 0),
              null));

  @Test
  void threeRandomWordsPass() {
    assertThat(policy.problem("violet-anchor-teapot", "Password", "jsmith", "John Smith"))
        .isEmpty();
    assertThat(policy.problem("correct-horse-battery-staple", "Password")).isEmpty();
  }

  @Test
  void theMostLeakedPasswordsAndKeyboardRunsAreRefusedWithTheReason() {
    assertThat(policy.problem("qwertyuiop123", "Password"))
        .contains(
            "Password is too easy to guess: this is a very common password."
                + " Try three or more random words");
    assertThat(policy.problem("Password1234!", "Your new password"))
        .hasValueSatisfying(p -> assertThat(p).startsWith("Your new password is too easy"));
    assertThat(policy.problem("iloveyou2024", "Password")).isPresent();
    assertThat(policy.problem("aaaaaaaaaaaa", "Password")).isPresent();
  }

  @Test
  void thePersonsOwnNamesAndTheCouncilsAreEasyForAnyoneWhoKnowsWhoseAccountItIs() {
    assertThat(policy.problem("johnsmith2024", "Password", "jsmith", "John Smith")).isPresent();
    assertThat(policy.problem("jsmith123456", "Password", "jsmith", "John Smith")).isPresent();
    assertThat(policy.problem("patword12345", "Password", "pw3f9a1c2e", "Pat Word"))
        .as("the name run together")
        .isPresent();
    assertThat(policy.problem("westminster123", "Password")).isPresent();
    assertThat(policy.problem("Westminster2026", "Password")).isPresent();
  }

  @Test
  void lengthIsCountedInCharactersAtLeastAndInBcryptsBytesAtMost() {
    assertThat(policy.problem("short-one", "Password"))
        .contains("Password must be at least 12 characters");
    assertThat(policy.lengthProblem("x".repeat(72), "Password")).isEmpty();
    assertThat(policy.lengthProblem("x".repeat(73), "Password"))
        .contains(
            "Password must be 72 characters or fewer (fewer with accented letters or symbols)");
    assertThat(policy.lengthProblem("é".repeat(37), "Password"))
        .as("74 bytes in UTF-8")
        .isPresent();
    assertThat(policy.lengthProblem("é".repeat(36), "Password")).isEmpty();
  }
}
