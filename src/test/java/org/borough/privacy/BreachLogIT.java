// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.borough.audit.AuditLog;
import org.borough.audit.AuditLog.AuditQuery;
import org.borough.support.Fixtures;
import org.borough.support.IntegrationTest;
import org.borough.support.SignedIn;
import org.borough.system.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The breach log as the DPO keeps it: every breach recorded with the ICO's 72-hour deadline from
 * when the council became aware, an overdue report shown as such, and a breach closed only once the
 * reports its assessment calls for are recorded — each step in its history and the audit.
 */
class BreachLogIT extends IntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired SignedIn signedIn;
  @Autowired BreachLog log;
  @Autowired AuditLog audit;

  @Test
  void aBreachRecordedOnTheConsoleIsDueAtTheIcoSeventyTwoHoursAfterItWasFound() throws Exception {
    String refused =
        mvc.perform(post("/privacy/breaches").with(signedIn.request(Fixtures.DPO)).with(csrf()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(refused)
        .contains("govuk-error-summary")
        .contains("Say what happened")
        .contains("Enter when the council became aware of the breach");

    String marker = UUID.randomUUID().toString().substring(0, 8);
    LocalDate yesterday = LocalDate.now(ZoneId.of("Europe/London")).minusDays(1);
    var form =
        post("/privacy/breaches")
            .param("summary", "Letter sent to the wrong address " + marker)
            .param("dataAffected", "One resident's name, address and complaint")
            .param("peopleAffected", "1")
            .param("found-day", String.valueOf(yesterday.getDayOfMonth()))
            .param("found-month", String.valueOf(yesterday.getMonthValue()))
            .param("found-year", String.valueOf(yesterday.getYear()))
            .param("foundTime", "14:30")
            .with(signedIn.request(Fixtures.DPO))
            .with(csrf());
    String location =
        mvc.perform(form)
            .andExpect(status().is3xxRedirection())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    // The same form sent again (a double click) goes to the same breach, and makes no second.
    mvc.perform(form)
        .andExpect(status().is3xxRedirection())
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                .string("Location", location));
    assertThat(
            signedIn.as(Fixtures.DPO, () -> log.all()).stream()
                .filter(b -> b.summary().endsWith(marker))
                .count())
        .isEqualTo(1);
    UUID id = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
    Breach breach = signedIn.as(Fixtures.DPO, () -> log.find(id)).breach();
    assertThat(breach.foundAt())
        .isEqualTo(yesterday.atTime(14, 30).atZone(ZoneId.of("Europe/London")).toInstant());
    assertThat(breach.icoDeadline()).isEqualTo(breach.foundAt().plus(Duration.ofHours(72)));
    assertThat(breach.icoReportDue()).isTrue();

    String page =
        mvc.perform(get("/privacy/breaches/" + id).with(signedIn.request(Fixtures.DPO)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page).contains("Letter sent to the wrong address " + marker).contains("Due by");
  }

  @Test
  void aReportNotMadeWithinSeventyTwoHoursIsOverdue() throws Exception {
    String marker = UUID.randomUUID().toString().substring(0, 8);
    signedIn.as(
        Fixtures.DPO,
        () ->
            log.record(
                "Laptop lost " + marker,
                "Case notes of about 40 residents",
                40,
                Instant.now().minus(Duration.ofDays(4))));

    String list =
        mvc.perform(get("/privacy/breaches").with(signedIn.request(Fixtures.DPO)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    String row = list.substring(list.indexOf("Laptop lost " + marker));
    assertThat(row.substring(0, row.indexOf("</tr>"))).contains("Overdue");
  }

  @Test
  void aHighRiskBreachClosesOnlyOnceTheIcoAndThePeopleAffectedWereTold() {
    signedIn.enter(Fixtures.DPO);
    try {
      UUID id =
          log.record(
                  "Spreadsheet emailed to a supplier",
                  "Names and vulnerability flags of 300 residents",
                  300,
                  Instant.now().minus(Duration.ofHours(5)))
              .id();
      assertThatThrownBy(() -> log.close(id))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("risk");

      log.assess(id, Breach.Risk.HIGH, "Vulnerability flags; the supplier cannot confirm deletion");
      assertThatThrownBy(() -> log.close(id)).hasMessageContaining("icoTold");
      LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
      log.icoTold(id, today, "IC-123456-A1B2");
      assertThatThrownBy(() -> log.close(id)).hasMessageContaining("peopleTold");
      assertThatThrownBy(() -> log.peopleTold(id, today.plusDays(1)))
          .hasMessageContaining("peopleTold");
      log.peopleTold(id, today);
      log.close(id);

      BreachLog.BreachWithHistory closed = log.find(id);
      assertThat(closed.breach().open()).isFalse();
      assertThat(closed.history())
          .extracting(Breach.HistoryEntry::text)
          .containsExactly(
              "Breach recorded",
              "Assessed: "
                  + Breach.Risk.HIGH.label()
                  + ". Vulnerability flags; the supplier cannot confirm deletion",
              "Reported to the ICO on " + today + ", reference IC-123456-A1B2",
              "The people affected were told on " + today,
              "Closed");
      assertThat(audit.read(new AuditQuery("breach", id.toString(), Fixtures.DPO, null, 50)))
          .hasSizeGreaterThanOrEqualTo(6);
      assertThatThrownBy(() -> log.addNote(id, "Too late"))
          .isInstanceOfSatisfying(
              InvalidInputException.class,
              e -> assertThat(e.errors().get("breach")).contains("closed"));
    } finally {
      SignedIn.leave();
    }
  }

  @Test
  void aBreachUnlikelyToHarmAnyoneIsRecordedAndClosedWithoutAReport() {
    signedIn.enter(Fixtures.DPO);
    try {
      UUID id =
          log.record(
                  "Email to a colleague with a resident's name in copy",
                  "One resident's name",
                  1,
                  Instant.now().minus(Duration.ofHours(1)))
              .id();
      log.assess(id, Breach.Risk.UNLIKELY, "Internal recipient, deleted at once");
      log.close(id);
      assertThat(log.find(id).breach().icoReportDue()).isFalse();
    } finally {
      SignedIn.leave();
    }
  }
}
