// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.information;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.borough.information.internal.InformationRequestRepository;
import org.borough.system.WorkingCalendar;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A financial year's requests for information as the ICO looks at them: how many were answered
 * within the time the law allows (the ICO expects at least 90%), how many were extended, what the
 * responses gave, and how many went to internal review and were overturned.
 */
@Service
public class InformationPerformance {

  private final InformationRequestRepository requests;
  private final WorkingCalendar calendar;

  InformationPerformance(InformationRequestRepository requests, WorkingCalendar calendar) {
    this.requests = requests;
    this.calendar = calendar;
  }

  /** One law's figures for the year; a request counts in the year it was received. */
  public record Figures(
      Regime regime,
      int received,
      int answered,
      int withinTime,
      int extended,
      Map<Disclosure, Integer> outcomes,
      int reviews,
      int overturned) {

    /** Answered within time, as a whole percentage of those answered; null with none. */
    public Integer withinTimePercent() {
      return answered == 0 ? null : (int) Math.round(100.0 * withinTime / answered);
    }

    public int outcome(Disclosure d) {
      return outcomes.getOrDefault(d, 0);
    }
  }

  /** The year's figures, FOI first, written for the financial year starting 1 April. */
  public record Report(String year, List<Figures> regimes) {}

  @PreAuthorize("hasAuthority('INFORMATION_REQUEST_HANDLE')")
  @Transactional(readOnly = true)
  public Report report(int startYear) {
    Instant from = LocalDate.of(startYear, 4, 1).atStartOfDay(calendar.zone()).toInstant();
    Instant until = LocalDate.of(startYear + 1, 4, 1).atStartOfDay(calendar.zone()).toInstant();
    Map<Regime, int[]> counts = new EnumMap<>(Regime.class);
    Map<Regime, Map<Disclosure, Integer>> outcomes = new EnumMap<>(Regime.class);
    for (Regime r : Regime.values()) {
      counts.put(r, new int[6]);
      outcomes.put(r, new EnumMap<>(Disclosure.class));
    }
    for (InformationRequest r : requests.receivedBetween(from, until)) {
      int[] c = counts.get(r.regime());
      c[0]++;
      if (r.answered()) {
        c[1]++;
        c[2] += Boolean.TRUE.equals(r.withinTime()) ? 1 : 0;
        outcomes.get(r.regime()).merge(r.outcome(), 1, Integer::sum);
      }
      c[3] += r.extensionReason() != null ? 1 : 0;
      c[4] += r.reviewRequestedAt() != null ? 1 : 0;
      c[5] += r.reviewOutcome() != null && r.reviewOutcome() != ReviewOutcome.UPHELD ? 1 : 0;
    }
    List<Figures> figures = new ArrayList<>();
    for (Regime r : Regime.values()) {
      int[] c = counts.get(r);
      figures.add(new Figures(r, c[0], c[1], c[2], c[3], Map.copyOf(outcomes.get(r)), c[4], c[5]));
    }
    return new Report(String.format("%d/%02d", startYear, (startYear + 1) % 100), figures);
  }
}
