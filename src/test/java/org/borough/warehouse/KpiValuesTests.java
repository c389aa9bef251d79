// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.borough.residents.Channel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every KPI on a small fixture whose values were worked out by hand (in the comments). The fixture
 * is loaded as a rebuild loads the CRM, on Friday 27 March 2026 at 10:00 (London, still GMT); the
 * period is January to March 2026.
 */
class KpiValuesTests {

  @TempDir static Path dir;
  static TestWarehouse w;
  static final Kpis KPIS = new Kpis(UnitCosts.socitm());
  static final KpiFilters Q1 =
      new KpiFilters(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31), null, null, null, null);

  @BeforeAll
  static void fixture() {
    w = KpiFixture.open(dir);
  }

  @AfterAll
  static void close() {
    w.close();
  }

  static KpiQueries.Result run(String kpi, KpiFilters f) {
    Kpis.Kpi k = KPIS.find(kpi).orElseThrow();
    return w.db.read(c -> KpiQueries.run(c, k, f, w.clock.instant(), TestWarehouse.LONDON));
  }

  static List<Object> row(Object... values) {
    return Arrays.asList(values);
  }

  static BigDecimal d(String v) {
    return new BigDecimal(v);
  }

  @Test
  void volumeByMonthCountsCasesOpenedAndContactsInEachMonth() {
    var r = run("volume-by-month", Q1);
    assertThat(r.rows())
        .containsExactly(row("2026-01", 0L, 0L), row("2026-02", 2L, 2L), row("2026-03", 3L, 4L));
  }

  @Test
  void complaintsByStageAndByServiceComplainedAbout() {
    // Stage 1: 7 working days, in time; stage 2: 24, late. The median of both is 15.5.
    assertThat(run("complaints-within-time", Q1).rows())
        .containsExactly(
            row("Stage 1", 1L, 1L, d("100.0"), 0L, d("7.0")),
            row("Stage 2", 1L, 0L, d("0.0"), 0L, d("24.0")));
    assertThat(run("complaints-within-time", Q1).total())
        .isEqualTo(row(null, 2L, 1L, d("50.0"), 0L, d("15.5")));
    assertThat(run("complaints-by-service", Q1).rows())
        .containsExactly(row("missed-bin", "Missed bin", 2L, 1L, 1L, d("50.0"), 1L));
  }

  @Test
  void requestsForInformationByLaw() {
    assertThat(run("information-requests-within-time", Q1).rows())
        .containsExactly(
            row("EIR", 1L, 1L, d("100.0"), 1L, 1L, 1L, 1L),
            row("FOI", 1L, 1L, d("100.0"), 0L, 0L, 0L, 0L));
  }

  @Test
  void enquiriesByWardUnderTheCaseFilters() {
    assertThat(run("enquiries-within-time", Q1).rows())
        .containsExactly(
            row("E05000001", "Central", 1L, 1L, d("100.0"), d("2.0")),
            row("E05000002", "Riverside", 1L, 0L, d("0.0"), d("12.0")));
    // The ward filter applies through the enquiry's case.
    KpiFilters riverside =
        new KpiFilters(
            LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31), null, "E05000002", null, null);
    assertThat(run("enquiries-within-time", riverside).rows())
        .containsExactly(row("E05000002", "Riverside", 1L, 0L, d("0.0"), d("12.0")));
  }

  @Test
  void satisfactionByServiceAndByChannel() {
    assertThat(run("satisfaction-by-service", Q1).rows())
        .containsExactly(
            row("missed-bin", "Missed bin", 2L, 1L, 1L, d("50.0")),
            row("pothole", "Pothole", 1L, 1L, 0L, d("100.0")));
    assertThat(run("satisfaction-by-service", Q1).total())
        .isEqualTo(row(null, null, 3L, 2L, 1L, d("66.7")));
    assertThat(run("satisfaction-by-channel", Q1).rows())
        .containsExactlyInAnyOrder(
            row("PHONE", "Phone", 1L, 1L, 0L, d("100.0")),
            row("WEB", "Web", 1L, 0L, 1L, d("0.0")),
            row("APP", "App (Open311)", 1L, 1L, 0L, d("100.0")));
  }

  @Test
  void volumeByChannelServiceWardAndTeam() {
    assertThat(run("volume-by-channel", Q1).rows())
        .containsExactly(
            row("PHONE", "Phone", 2L, 3L),
            row("APP", "App (Open311)", 1L, 1L),
            row("WEB", "Web", 1L, 1L),
            row("EMAIL", "Email", 1L, 0L),
            row("FACE_TO_FACE", "Face to face", 0L, 1L),
            row("LETTER", "Letter", 0L, 0L),
            row("SOCIAL", "Social media", 0L, 0L));
    assertThat(run("volume-by-service", Q1).rows())
        .containsExactly(row("missed-bin", "Missed bin", 3L), row("pothole", "Pothole", 2L));
    assertThat(run("volume-by-ward", Q1).rows())
        .containsExactly(
            row("E05000001", "Central", 2L),
            row("E05000002", "Riverside", 2L),
            row(null, "No ward recorded", 1L));
    assertThat(run("volume-by-team", Q1).rows())
        .containsExactly(row("waste", "Waste", 3L), row("roads", "Roads", 2L));
  }

  @Test
  void slaComplianceIsTheShareOfCasesResolvedByTheirDueTime() {
    var r = run("sla-compliance", Q1);
    assertThat(r.rows())
        .containsExactly(
            row("2026-01", 1L, 0L, d("0.0")),
            row("2026-02", 2L, 1L, d("50.0")),
            row("2026-03", 1L, 1L, d("100.0")));
    assertThat(r.total()).isEqualTo(row(null, 4L, 2L, d("50.0")));
    assertThat(run("sla-by-service", Q1).rows())
        .containsExactly(
            row("missed-bin", "Missed bin", 3L, 1L, d("33.3")),
            row("pothole", "Pothole", 1L, 1L, d("100.0")));
  }

  @Test
  void timeToResolveGivesTheMedianAndNinetiethPercentileInWorkingDays() {
    var r = run("time-to-resolve", Q1);
    // missed-bin: 1, 4, 12 -> median 4, p90 4 + 0.8 x 8 = 10.4; pothole: 0.
    assertThat(r.rows())
        .containsExactly(
            row("missed-bin", "Missed bin", 3L, d("4.0"), d("10.4")),
            row("pothole", "Pothole", 1L, d("0.0"), d("0.0")));
    // All: 0, 1, 4, 12 -> median 2.5, p90 4 + 0.7 x 8 = 9.6.
    assertThat(r.total()).isEqualTo(row(null, null, 4L, d("2.5"), d("9.6")));
  }

  @Test
  void backlogByAgeInWorkingDaysAndTheDailySnapshot() {
    var r = run("backlog-ageing", Q1);
    assertThat(r.rows())
        .containsExactly(
            row("0 to 2", 1L, 0L),
            row("3 to 5", 0L, 0L),
            row("6 to 10", 1L, 1L),
            row("11 to 20", 0L, 0L),
            row("over 20", 0L, 0L));
    assertThat(r.total()).isEqualTo(row(null, 2L, 1L));
    assertThat(run("backlog-trend", Q1).rows())
        .containsExactly(row(LocalDate.of(2026, 3, 27), 2L, 1L));
  }

  @Test
  void firstContactResolutionChannelShiftAndReopenRate() {
    var fcr = run("first-contact-resolution", Q1);
    assertThat(fcr.rows())
        .containsExactly(
            row("PHONE", "Phone", 2L, 1L, d("50.0")),
            row("APP", "App (Open311)", 1L, 0L, d("0.0")),
            row("FACE_TO_FACE", "Face to face", 1L, 1L, d("100.0")),
            row("WEB", "Web", 1L, 0L, d("0.0")));
    assertThat(fcr.total()).isEqualTo(row(null, null, 5L, 2L, d("40.0")));
    var shift = run("channel-shift", Q1);
    assertThat(shift.rows())
        .containsExactly(row("2026-02", 2L, 1L, d("50.0")), row("2026-03", 3L, 1L, d("33.3")));
    assertThat(shift.total()).isEqualTo(row(null, 5L, 2L, d("40.0")));
    var reopen = run("reopen-rate", Q1);
    assertThat(reopen.rows())
        .containsExactly(
            row("2026-01", 1L, 0L, d("0.0")),
            row("2026-02", 2L, 0L, d("0.0")),
            row("2026-03", 2L, 1L, d("50.0")));
    assertThat(reopen.total()).isEqualTo(row(null, 5L, 1L, d("20.0")));
  }

  @Test
  void costPerContactUsesTheUnitCostsAndLeavesUncostedChannelsOut() {
    var r = run("cost-per-contact", Q1);
    assertThat(r.rows())
        .containsExactly(
            row("FACE_TO_FACE", "Face to face", 1L, d("8.62"), d("8.62"), null, null, null),
            row("PHONE", "Phone", 2L, d("2.83"), d("5.66"), null, null, null),
            row("WEB", "Web", 1L, d("0.15"), d("0.15"), null, null, null),
            row("APP", "App (Open311)", 1L, null, null, null, null, null));
    // £14.43 over the 4 costed contacts: £3.61 a contact. From the ICT budget, the CRM's half of
    // the shared line: January's actual £6,000, February's £4,000, March's budget £5,000 =
    // £15,000 over the 5 inbound contacts: £3,000 a contact.
    assertThat(r.total())
        .isEqualTo(
            row(
                null,
                null,
                5L,
                d("3.61"),
                d("14.43"),
                d("15000.00"),
                d("3000.00"),
                "ICT budget lines: CRM, 2025/26 actuals, budget where none is recorded"));
  }

  @Test
  void costPerContactFromTheBudgetCountsThePartOfAMonthInThePeriod() {
    KpiFilters february =
        new KpiFilters(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 28), null, null, null, null);
    // February's actual, £4,000, over its 2 inbound contacts.
    assertThat(run("cost-per-contact", february).total().subList(5, 8))
        .containsExactly(d("4000.00"), d("2000.00"), "ICT budget lines: CRM, 2025/26 actuals");
    KpiFilters halfMarch =
        new KpiFilters(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 15), null, null, null, null);
    // 15 of March's 31 days of the £5,000 budget: £2,419.35, over 3 inbound contacts: £806.45.
    assertThat(run("cost-per-contact", halfMarch).total().subList(5, 8))
        .containsExactly(d("2419.35"), d("806.45"), "ICT budget lines: CRM, 2025/26 budget");
    // The spend is the council's, not a service's: with a filter there is no figure to divide.
    KpiFilters phone = new KpiFilters(Q1.from(), Q1.to(), null, null, Channel.PHONE, null);
    assertThat(run("cost-per-contact", phone).total().subList(5, 8)).containsOnlyNulls();
    // Another system list gives the data warehouse's share: £15,000 + £6,000 = £21,000.
    Kpis.Kpi dwh =
        new Kpis(UnitCosts.socitm(), List.of("DWH")).find("cost-per-contact").orElseThrow();
    var r = w.db.read(c -> KpiQueries.run(c, dwh, Q1, w.clock.instant(), TestWarehouse.LONDON));
    assertThat(r.total().get(5)).isEqualTo(d("21000.00"));
  }

  @Test
  void budgetAgainstActualByMonthAndBySystem() {
    var months = run("budget-by-month", Q1);
    assertThat(months.rows())
        .containsExactly(
            row("2026-01", d("12000.00"), d("12000.00"), d("10000.00")),
            row("2026-02", d("12000.00"), d("8000.00"), d("10000.00")),
            row("2026-03", d("12000.00"), null, null));
    assertThat(months.total()).isEqualTo(row(null, d("36000.00"), d("20000.00"), d("20000.00")));
    var systems = run("budget-by-system", Q1);
    assertThat(systems.rows())
        .containsExactly(
            row("DWH", d("21000.00"), d("10000.00"), d("10000.00")),
            row("CRM", d("15000.00"), d("10000.00"), d("10000.00")));
    assertThat(systems.total()).isEqualTo(row(null, d("36000.00"), d("20000.00"), d("20000.00")));
  }

  @Test
  void filtersNarrowEveryKpi() {
    KpiFilters potholes = new KpiFilters(Q1.from(), Q1.to(), "pothole", null, null, null);
    assertThat(run("volume-by-month", potholes).rows())
        .containsExactly(row("2026-01", 0L, 0L), row("2026-02", 0L, 0L), row("2026-03", 2L, 2L));
    KpiFilters phone = new KpiFilters(Q1.from(), Q1.to(), null, null, Channel.PHONE, null);
    assertThat(run("first-contact-resolution", phone).rows())
        .containsExactly(row("PHONE", "Phone", 2L, 1L, d("50.0")));
    KpiFilters riverside = new KpiFilters(Q1.from(), Q1.to(), null, "E05000002", null, "roads");
    assertThat(run("backlog-ageing", riverside).total()).isEqualTo(row(null, 1L, 1L));
    KpiFilters february =
        new KpiFilters(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 28), null, null, null, null);
    assertThat(run("sla-compliance", february).total()).isEqualTo(row(null, 2L, 1L, d("50.0")));
  }

  @Test
  void everyKpiRunsUnderEveryCombinationOfFiltersAndAFilterOnlyNarrowsItsCases() {
    KpiFilters none = new KpiFilters(Q1.from(), Q1.to(), null, null, null, null);
    java.util.Map<String, java.util.Set<java.util.UUID>> unfiltered = new java.util.HashMap<>();
    for (Kpis.Kpi k : KPIS.all()) {
      if (k.drillable()) {
        unfiltered.put(k.id(), caseKeys(k, none));
      }
    }
    assertThat(unfiltered.values()).anySatisfy(keys -> assertThat(keys).isNotEmpty());
    for (int bits = 0; bits < 16; bits++) {
      KpiFilters f =
          new KpiFilters(
              Q1.from(),
              Q1.to(),
              (bits & 1) != 0 ? "pothole" : null,
              (bits & 2) != 0 ? "E05000002" : null,
              (bits & 4) != 0 ? Channel.PHONE : null,
              (bits & 8) != 0 ? "roads" : null);
      for (Kpis.Kpi k : KPIS.all()) {
        assertThat(run(k.id(), f).rows()).as(k.id() + " " + f).isNotNull();
        if (k.drillable()) {
          // The cases behind a month under any filters are among those without: never others.
          assertThat(caseKeys(k, f)).as(k.id() + " " + f).isSubsetOf(unfiltered.get(k.id()));
        }
      }
    }
  }

  private java.util.Set<java.util.UUID> caseKeys(Kpis.Kpi k, KpiFilters f) {
    return w
        .db
        .read(c -> KpiQueries.drill(c, k, "2026-03", f, w.clock.instant(), TestWarehouse.LONDON))
        .stream()
        .map(KpiQueries.CaseLine::caseKey)
        .collect(java.util.stream.Collectors.toSet());
  }

  @Test
  void contactsAreJoinedToTheirCasesOnlyWhenAFilterOnCasesIsGiven() {
    Kpis.Kpi k = KPIS.find("first-contact-resolution").orElseThrow();
    assertThat(k.sql(Q1)).doesNotContain("fact_case");
    KpiFilters phone = new KpiFilters(Q1.from(), Q1.to(), null, null, Channel.PHONE, null);
    assertThat(k.sql(phone)).doesNotContain("fact_case").contains("ct.channel_code = $5::varchar");
    KpiFilters potholes = new KpiFilters(Q1.from(), Q1.to(), "pothole", null, null, null);
    assertThat(k.sql(potholes))
        .contains("left join fact_case f on f.case_key = ct.case_key")
        .contains("f.service_code = $3::varchar")
        .doesNotContain("f.ward_code");
    // Contacts 3 and 4 have no case: they count until a filter on cases is given.
    KpiFilters bins = new KpiFilters(Q1.from(), Q1.to(), "missed-bin", null, null, null);
    long all = (Long) run("first-contact-resolution", Q1).total().get(2);
    long byService =
        (Long) run("first-contact-resolution", potholes).total().get(2)
            + (Long) run("first-contact-resolution", bins).total().get(2);
    assertThat(all).isEqualTo(5L);
    assertThat(byService).isEqualTo(all - 2);
  }

  @Test
  void aPeriodWithNothingInItGivesNoFiguresAndNoErrors() {
    KpiFilters empty =
        new KpiFilters(LocalDate.of(2015, 1, 1), LocalDate.of(2015, 1, 31), null, null, null, null);
    for (Kpis.Kpi k : KPIS.all()) {
      var r = run(k.id(), empty);
      if (r.total() != null) {
        assertThat(r.total()).as(k.id()).noneMatch(v -> v instanceof Double);
      }
    }
    assertThat(run("channel-shift", empty).total()).isEqualTo(row(null, 0L, 0L, null));
  }

  @Test
  void drillDownListsTheCasesBehindARow() {
    assertThat(drill("volume-by-service", "missed-bin"))
        .containsExactlyInAnyOrder("BR-2026-000001", "BR-2026-000002", "BR-2026-000005");
    assertThat(drill("volume-by-ward", "")).containsExactly("BR-2026-000005");
    assertThat(drill("backlog-ageing", "6 to 10")).containsExactly("BR-2026-000004");
    assertThat(drill("reopen-rate", "2026-03")).containsExactly("BR-2026-000003");
    assertThat(drill("sla-compliance", "2026-01")).containsExactly("BR-2026-000006");
    assertThat(drill("volume-by-team", "roads"))
        .containsExactlyInAnyOrder("BR-2026-000003", "BR-2026-000004");
    assertThat(KPIS.find("channel-shift").orElseThrow().drillable()).isFalse();
  }

  static List<String> drill(String kpi, String key) {
    Kpis.Kpi k = KPIS.find(kpi).orElseThrow();
    return w
        .db
        .read(c -> KpiQueries.drill(c, k, key, Q1, w.clock.instant(), TestWarehouse.LONDON))
        .stream()
        // The warehouse has no references: the fixture's, from the id the key turns back into.
        .map(l -> "BR-2026-00000" + w.pseudonyms.caseIdOf(l.caseKey()).toString().substring(35))
        .toList();
  }
}
