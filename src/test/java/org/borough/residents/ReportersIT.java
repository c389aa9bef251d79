// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.residents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.UUID;
import org.borough.support.Fixtures;
import org.borough.support.IntegrationTest;
import org.borough.support.ResidentDetailsFor;
import org.borough.support.SignedIn;
import org.borough.system.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/**
 * The one rule for finding or registering a report's reporter, which the portal and Open311 share:
 * the one resident with the email, else the one with the phone, else a new resident with names and
 * a way to reach them, else nobody.
 */
class ReportersIT extends IntegrationTest {

  @Autowired Reporters reporters;
  @Autowired ResidentManagement residents;
  @Autowired SignedIn signedIn;
  @Autowired JdbcClient jdbc;

  @Test
  void findsTheOneResidentWithTheEmailElseThePhoneAndAuditsTheMatch() {
    String email = "rep." + unique() + "@example.org";
    String phone = mobile();
    ResidentId byEmail = register("Ema", email, null);
    ResidentId byPhone = register("Pho", null, phone);
    assertThat(find(new Reporter(null, null, email.toUpperCase(), null, null))).hasValue(byEmail);
    assertThat(find(new Reporter(null, null, "other." + email, phone, null))).hasValue(byPhone);
    assertThat(
            jdbc.sql(
                    "select count(*) from audit_log where subject_id = ? and action = 'VIEW'"
                        + " and detail = 'reporter by email'")
                .param(byEmail.toString())
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void anEmailTwoResidentsShareIsNoMatchSoTheReporterIsRegistered() {
    String email = "shared." + unique() + "@example.org";
    ResidentId one = register("One", email, null);
    ResidentId two = register("Two", email, null);
    Optional<ResidentId> found = find(new Reporter("Three", "Reporter", email, null, null));
    assertThat(found).isPresent().get().isNotIn(one, two);
    Resident created = signedIn.as(Fixtures.SUPERVISOR, () -> residents.view(found.get()));
    assertThat(created.emails()).containsExactly(email);
    assertThat(created.preferredChannel()).isEqualTo(Channel.EMAIL);
  }

  @Test
  void withoutBothNamesAndAWayToReachThemTheReportIsAnonymous() {
    String email = "anon." + unique() + "@example.org";
    assertThat(find(new Reporter("Only", null, email, null, null))).isEmpty();
    assertThat(find(new Reporter(null, "Surname", email, null, null))).isEmpty();
    assertThat(find(new Reporter("Both", "Names", null, null, null))).isEmpty();
    assertThat(find(new Reporter(null, null, null, null, null))).isEmpty();
  }

  @Test
  void anUnreadablePhoneIsIgnoredButAnUnreadableEmailIsRefused() {
    Optional<ResidentId> found =
        find(new Reporter("Abroad", "Caller" + unique(), null, "+1 555 0100", Channel.APP));
    assertThat(found).isEmpty();
    String email = "abroad." + unique() + "@example.org";
    Optional<ResidentId> registered =
        find(new Reporter("Abroad", "Caller", email, "+1 555 0100", Channel.APP));
    Resident r = signedIn.as(Fixtures.SUPERVISOR, () -> residents.view(registered.orElseThrow()));
    assertThat(r.phones()).isEmpty();
    assertThat(r.preferredChannel()).isEqualTo(Channel.APP);
    assertThatThrownBy(() -> find(new Reporter("Bad", "Email", "not-an-email", null, null)))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(((InvalidInputException) e).errors()).containsKey("email"));
  }

  @Test
  void needsToReadAndToRegisterResidents() {
    assertThatThrownBy(
            () ->
                signedIn.as(
                    Fixtures.ANALYST,
                    () -> reporters.findOrRegister(new Reporter(null, null, null, null, null))))
        .isInstanceOf(AccessDeniedException.class);
  }

  private Optional<ResidentId> find(Reporter reporter) {
    return signedIn.as(Fixtures.AGENT, () -> reporters.findOrRegister(reporter));
  }

  private ResidentId register(String forename, String email, String phone) {
    ResidentDetails details =
        ResidentDetailsFor.contact(forename, "Reporter" + unique(), email, phone);
    return signedIn.as(Fixtures.SUPERVISOR, () -> residents.register(details));
  }

  private String mobile() {
    return org.borough.support.TestPhones.unused(jdbc);
  }

  private static String unique() {
    return UUID.randomUUID().toString().substring(0, 8);
  }
}
