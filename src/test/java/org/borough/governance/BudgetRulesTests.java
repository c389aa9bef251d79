// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BudgetRulesTests {

  private static IctSystem system(String name, SystemPhase phase) {
    return new IctSystem(
        new SystemId(UUID.randomUUID()),
        new IctSystemDetails(
            name.toUpperCase(),
            name,
            null,
            "ICT service",
            phase,
            null,
            SupportStatus.SUPPORTED,
            null),
        1,
        Instant.EPOCH,
        Instant.EPOCH);
  }

  @Test
  void refusesCapitalForASystemInBusinessAsUsual() {
    var crm = system("CRM", SystemPhase.BUSINESS_AS_USUAL);
    assertThat(BudgetRules.capitalRefusal(List.of(crm), SpendKind.CAPITAL, FundingKind.BASE_BUDGET))
        .hasValueSatisfying(
            why -> assertThat(why).startsWith("CRM is in business as usual: capital funding"));
    assertThat(
            BudgetRules.capitalRefusal(
                List.of(crm), SpendKind.REVENUE, FundingKind.CAPITAL_PROGRAMME))
        .isPresent();
  }

  @Test
  void namesEveryBusinessAsUsualSystemOfTheLine() {
    var line =
        List.of(
            system("CRM", SystemPhase.BUSINESS_AS_USUAL),
            system("Portal", SystemPhase.PROJECT),
            system("DWH", SystemPhase.BUSINESS_AS_USUAL));
    assertThat(BudgetRules.capitalRefusal(line, SpendKind.CAPITAL, FundingKind.CAPITAL_PROGRAMME))
        .hasValueSatisfying(
            why -> assertThat(why).startsWith("CRM and DWH are in business as usual"));
  }

  @Test
  void allowsRevenueForBusinessAsUsualAndCapitalForAProject() {
    var crm = system("CRM", SystemPhase.BUSINESS_AS_USUAL);
    var project = system("New portal", SystemPhase.PROJECT);
    assertThat(BudgetRules.capitalRefusal(List.of(crm), SpendKind.REVENUE, FundingKind.RESERVE))
        .isEmpty();
    assertThat(
            BudgetRules.capitalRefusal(
                List.of(project), SpendKind.CAPITAL, FundingKind.CAPITAL_PROGRAMME))
        .isEmpty();
  }

  @Test
  void spreadsALineOverTwelveMonthsToThePenny() {
    List<Long> months = BudgetRules.monthly(105_500_000L);
    assertThat(months).hasSize(12);
    assertThat(months.stream().mapToLong(Long::longValue).sum()).isEqualTo(105_500_000L);
    List<Long> odd = BudgetRules.monthly(1_000_007L);
    assertThat(odd.stream().mapToLong(Long::longValue).sum()).isEqualTo(1_000_007L);
    assertThat(odd.get(0) - odd.get(11)).isEqualTo(1);
    assertThat(BudgetRules.months(new FinancialYear(2017)))
        .startsWith(YearMonth.of(2017, 4))
        .endsWith(YearMonth.of(2018, 3));
  }
}
