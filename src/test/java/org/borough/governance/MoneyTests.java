// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class MoneyTests {

  @Test
  void readsAmountsAsCouncilPapersWriteThem() {
    assertThat(Money.parsePence("£1.055m")).contains(105_500_000L);
    assertThat(Money.parsePence("£0.930m")).contains(93_000_000L);
    assertThat(Money.parsePence("£930k")).contains(93_000_000L);
    assertThat(Money.parsePence("£1,055,000")).contains(105_500_000L);
    assertThat(Money.parsePence("1055000.00")).contains(105_500_000L);
    assertThat(Money.parsePence(" 12.5 ")).contains(1_250L);
    assertThat(Money.parsePence("£1.2bn")).contains(120_000_000_000L);
  }

  @Test
  void refusesWhatIsNotMoney() {
    assertThat(Money.parsePence("lots")).isEmpty();
    assertThat(Money.parsePence("-5")).isEmpty();
    assertThat(Money.parsePence("1.005")).isEmpty(); // a fraction of a penny
    assertThat(Money.parsePence("£")).isEmpty();
    assertThat(Money.parsePence(null)).isEmpty();
    assertThat(Money.parsePence("1e9")).isEmpty();
  }

  @Test
  void formatsPenceAsPounds() {
    assertThat(Money.format(105_500_000L)).isEqualTo("£1,055,000");
    assertThat(Money.format(1_250L)).isEqualTo("£12.50");
    assertThat(Money.plain(105_500_000L)).isEqualTo("1055000");
    assertThat(Money.plain(1_250L)).isEqualTo("12.50");
  }

  @Test
  void financialYearsAreWrittenWithTheYearsThatFollow() {
    assertThat(FinancialYear.parse("2017/18")).contains(new FinancialYear(2017));
    assertThat(FinancialYear.parse("2000/01")).contains(new FinancialYear(2000));
    assertThat(FinancialYear.parse("2099/00")).contains(new FinancialYear(2099));
    assertThat(FinancialYear.parse("1999/00")).isEmpty();
    assertThat(FinancialYear.parse("2100/01")).isEmpty();
    assertThat(FinancialYear.parse("2017/19")).isEmpty();
    assertThat(FinancialYear.parse("2017-18")).isEmpty();
    assertThat(FinancialYear.of(LocalDate.of(2018, 3, 31))).hasToString("2017/18");
    assertThat(FinancialYear.of(LocalDate.of(2018, 4, 1))).hasToString("2018/19");
  }
}
