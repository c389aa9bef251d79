// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.complaints;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.borough.catalogue.ServiceCatalogue;
import org.borough.catalogue.ServiceDefinition;
import org.borough.complaints.ComplaintsReport.Figures;
import org.borough.complaints.internal.ComplaintRepository;
import org.borough.system.FinancialYears;
import org.borough.system.WorkingCalendar;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Counts a financial year's complaints into the annual performance report. */
@Service
public class ComplaintsPerformance {

  private final ComplaintRepository complaints;
  private final ServiceCatalogue catalogue;
  private final WorkingCalendar calendar;

  ComplaintsPerformance(
      ComplaintRepository complaints, ServiceCatalogue catalogue, WorkingCalendar calendar) {
    this.complaints = complaints;
    this.catalogue = catalogue;
    this.calendar = calendar;
  }

  /** The financial year in progress now. */
  public String currentYear(Instant now) {
    return FinancialYears.of(now.atZone(calendar.zone()).toLocalDate());
  }

  @PreAuthorize("hasAuthority('COMPLAINT_REPORT')")
  @Transactional(readOnly = true)
  public ComplaintsReport report(int startYear) {
    ZoneId zone = calendar.zone();
    LocalDate first = LocalDate.of(startYear, 4, 1);
    LocalDate next = first.plusYears(1);
    Instant from = first.atStartOfDay(zone).toInstant();
    Instant until = next.atStartOfDay(zone).toInstant();
    Map<String, ServiceDefinition> services = new TreeMap<>();
    for (ServiceDefinition s : catalogue.services()) {
      services.put(s.code(), s);
    }
    // Keyed by the service's name, so the rows come alphabetically; unlinked ones last.
    Map<String, Figures[]> byService = new TreeMap<>();
    Figures[] unlinked = {Figures.NONE, Figures.NONE};
    for (Complaint c : complaints.withStagesBetween(from, until)) {
      Figures[] row =
          c.aboutService() == null
              ? unlinked
              : byService.computeIfAbsent(
                  name(services, c.aboutService()),
                  k -> new Figures[] {Figures.NONE, Figures.NONE});
      for (ComplaintStage s : c.stages()) {
        if (!s.startedAt().isBefore(from) && s.startedAt().isBefore(until)) {
          row[s.stage() - 1] = row[s.stage() - 1].plus(count(s));
        }
      }
    }
    int referrals = complaints.referredBetween(first, next);
    List<ComplaintsReport.Row> rows = new ArrayList<>();
    Figures one = Figures.NONE;
    Figures two = Figures.NONE;
    for (Map.Entry<String, Figures[]> e : byService.entrySet()) {
      rows.add(new ComplaintsReport.Row(e.getKey(), e.getValue()[0], e.getValue()[1]));
      one = one.plus(e.getValue()[0]);
      two = two.plus(e.getValue()[1]);
    }
    if (unlinked[0].received() + unlinked[1].received() > 0) {
      rows.add(new ComplaintsReport.Row(null, unlinked[0], unlinked[1]));
      one = one.plus(unlinked[0]);
      two = two.plus(unlinked[1]);
    }
    return new ComplaintsReport(
        FinancialYears.written(startYear),
        from,
        until,
        rows,
        new ComplaintsReport.Row(null, one, two),
        referrals);
  }

  private Figures count(ComplaintStage s) {
    if (s.open()) {
      return new Figures(1, 0, 0, s.extended() ? 1 : 0, 0, 0, 0, 0);
    }
    ZoneId zone = calendar.zone();
    long days =
        calendar.workingDaysBetween(
            s.startedAt().atZone(zone).toLocalDate(), s.respondedAt().atZone(zone).toLocalDate());
    return new Figures(
        1,
        1,
        Boolean.TRUE.equals(s.withinTime()) ? 1 : 0,
        s.extended() ? 1 : 0,
        s.outcome() == Outcome.UPHELD ? 1 : 0,
        s.outcome() == Outcome.PARTLY_UPHELD ? 1 : 0,
        s.outcome() == Outcome.NOT_UPHELD ? 1 : 0,
        days);
  }

  private static String name(Map<String, ServiceDefinition> services, String code) {
    ServiceDefinition s = services.get(code);
    return s == null ? code : s.name();
  }
}
