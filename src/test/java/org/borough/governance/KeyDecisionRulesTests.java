// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyDecisionRulesTests {

  private static final LocalDate DECISION = LocalDate.of(2017, 12, 15);
  private final KeyDecisionRules rules =
      new KeyDecisionRules(new GovernanceProperties(new BigDecimal("500000"), 5, 28, 5, 12));

  @Test
  void clearDaysCountNeitherTheDayOfNoticeNorTheDayOfDecision() {
    assertThat(KeyDecisionRules.clearDays(LocalDate.of(2017, 12, 14), DECISION)).isZero();
    assertThat(KeyDecisionRules.clearDays(LocalDate.of(2017, 12, 13), DECISION)).isEqualTo(1);
    assertThat(KeyDecisionRules.clearDays(LocalDate.of(2017, 11, 16), DECISION)).isEqualTo(28);
    assertThat(KeyDecisionRules.clearDays(DECISION, DECISION)).isZero();
    assertThat(KeyDecisionRules.clearDays(DECISION.plusDays(3), DECISION)).isZero();
  }

  @Test
  void forwardPlanNoticeTwentyEightClearDaysAheadIsEnough() {
    // 16 November to 15 December: 17 Nov … 14 Dec is 28 clear days.
    assertThat(rules.missingNotice(key(notice(LocalDate.of(2017, 11, 16), null, null, null, null))))
        .isEmpty();
  }

  @Test
  void forwardPlanNoticeTwentySevenClearDaysAheadIsRefusedSayingWhatIsMissing() {
    var missing =
        rules.missingNotice(key(notice(LocalDate.of(2017, 11, 17), null, null, null, null)));
    assertThat(missing)
        .containsOnlyKeys(
            "forwardPlanPublished", "generalExceptionNotice", "specialUrgencyAgreedBy");
    assertThat(missing.get("forwardPlanPublished")).contains("27 clear days", "reg 9");
    assertThat(missing.get("generalExceptionNotice"))
        .contains("reg 10", "no general-exception notice");
    assertThat(missing.get("specialUrgencyAgreedBy")).contains("reg 11");
  }

  @Test
  void noNoticeAtAllIsRefused() {
    assertThat(rules.missingNotice(key(KeyDecisionNotice.NONE)).get("forwardPlanPublished"))
        .contains("none is recorded");
  }

  @Test
  void generalExceptionNeedsNoticeAndChairInformedFiveClearDaysAhead() {
    LocalDate nineth = LocalDate.of(2017, 12, 9); // 10…14 December: 5 clear days
    assertThat(rules.missingNotice(key(notice(null, nineth, nineth, null, null)))).isEmpty();
    LocalDate tenth = LocalDate.of(2017, 12, 10); // 4 clear days
    assertThat(rules.missingNotice(key(notice(null, nineth, tenth, null, null))))
        .extractingByKey("generalExceptionNotice")
        .asString()
        .contains("only 4 clear days");
    assertThat(rules.missingNotice(key(notice(null, nineth, null, null, null))))
        .extractingByKey("generalExceptionNotice")
        .asString()
        .contains("scrutiny chair is not recorded as informed");
  }

  @Test
  void specialUrgencyNeedsTheChairsAgreementByTheDayOfDecision() {
    assertThat(rules.missingNotice(key(notice(null, null, null, "Cllr A Chair", DECISION))))
        .isEmpty();
    assertThat(
            rules.missingNotice(
                key(notice(null, null, null, "Cllr A Chair", DECISION.plusDays(1)))))
        .isNotEmpty();
    assertThat(rules.missingNotice(key(notice(null, null, null, "Cllr A Chair", null))))
        .isNotEmpty();
  }

  @Test
  void decisionsThatAreNotKeyNeedNoNotice() {
    DecisionDetails d = key(KeyDecisionNotice.NONE);
    DecisionDetails notKey =
        new DecisionDetails(
            d.issue(),
            d.decisionMaker(),
            null,
            null,
            DECISION,
            null,
            false,
            true,
            null,
            null,
            d.items(),
            "Reasons",
            null,
            null,
            List.of(),
            null);
    assertThat(rules.missingNotice(notKey)).isEmpty();
  }

  @Test
  void amountAtTheThresholdOrTwoWardsSuggestAKeyDecision() {
    assertThat(rules.suggestions(withAmountAndWards(49_999_999L, List.of()))).isEmpty();
    assertThat(rules.suggestions(withAmountAndWards(50_000_000L, List.of())))
        .singleElement()
        .asString()
        .contains("£500,000");
    assertThat(rules.suggestions(withAmountAndWards(null, List.of("E05000001", "E05000002"))))
        .containsExactly("it affects 2 wards");
  }

  private static KeyDecisionNotice notice(
      LocalDate forward, LocalDate general, LocalDate chair, String by, LocalDate on) {
    return new KeyDecisionNotice(forward, general, chair, by, on);
  }

  private static DecisionDetails key(KeyDecisionNotice n) {
    return new DecisionDetails(
        new DecisionIssue("ICT Resources Review", null, List.of()),
        new DecisionMaker(DecisionMaker.Kind.BODY, "Cabinet", List.of()),
        DECISION,
        null,
        DECISION,
        null,
        true,
        true,
        n,
        null,
        List.of(new DecisionItem(1, DecisionVerb.AGREED, "to do it", null, null, null, null, null)),
        "Reasons",
        null,
        null,
        List.of(),
        null);
  }

  private static DecisionDetails withAmountAndWards(Long pence, List<String> wards) {
    return new DecisionDetails(
        new DecisionIssue("Spend", null, wards),
        new DecisionMaker(DecisionMaker.Kind.BODY, "Cabinet", List.of()),
        null,
        null,
        DECISION,
        null,
        false,
        true,
        null,
        null,
        List.of(
            new DecisionItem(
                1, DecisionVerb.AGREED, "to spend", pence, "2017/18", null, null, null)),
        null,
        null,
        null,
        List.of(),
        null);
  }
}
