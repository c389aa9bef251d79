// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.governance.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.borough.governance.FundingKind;
import org.borough.governance.IctSystem;
import org.borough.governance.IctSystemDetails;
import org.borough.governance.Money;
import org.borough.governance.NewBudgetLine;
import org.borough.governance.SpendKind;
import org.borough.governance.SupportStatus;
import org.borough.governance.SystemPhase;
import org.borough.system.DateInputs;
import org.borough.system.Errors;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The portfolio's forms, named as the services name their errors, except that forms ask for pounds
 * ({@code amount}) where the services take pence, and for one "decision item" choice where the
 * services take the decision and its item number.
 */
final class PortfolioForms {

  private PortfolioForms() {}

  /** A decision and one of its items, chosen together. */
  record Approval(UUID decisionId, Integer item) {}

  static IctSystemDetails system(MultiValueMap<String, String> f, Errors errors) {
    return new IctSystemDetails(
        f.getFirst("code"),
        f.getFirst("name"),
        f.getFirst("description"),
        f.getFirst("owner"),
        choice(SystemPhase.class, f.getFirst("phase"), "phase", errors),
        f.getFirst("supplier"),
        choice(SupportStatus.class, f.getFirst("supportStatus"), "supportStatus", errors),
        DecisionForm.date(f, "endOfSupport", "The end of support", errors));
  }

  static MultiValueMap<String, String> of(IctSystem s) {
    MultiValueMap<String, String> f = new LinkedMultiValueMap<>();
    IctSystemDetails d = s.details();
    f.add("code", d.code());
    f.add("name", d.name());
    f.add("description", d.description());
    f.add("owner", d.owner());
    f.add("phase", d.phase().name());
    f.add("supplier", d.supplier());
    f.add("supportStatus", d.supportStatus().name());
    DateInputs.fill(f, "endOfSupport", d.endOfSupport());
    f.add("version", String.valueOf(s.version()));
    return f;
  }

  static NewBudgetLine line(MultiValueMap<String, String> f, Errors errors) {
    FundingKind funding = choice(FundingKind.class, f.getFirst("funding"), "funding", errors);
    Approval approval = approval(f.getFirst("approval"), errors);
    return new NewBudgetLine(
        f.getFirst("financialYear"),
        money(f, "amount", "The amount", errors),
        choice(SpendKind.class, f.getFirst("spend"), "spend", errors),
        funding,
        funding == FundingKind.RESERVE ? uuid(f.getFirst("reserveId")) : null,
        f.getFirst("grantName"),
        f.getOrDefault("systemIds", List.of()).stream()
            .map(PortfolioForms::uuid)
            .filter(id -> id != null)
            .toList(),
        f.getFirst("description"),
        approval.decisionId(),
        approval.item());
  }

  /** "decision-id#item" from the decision item choice; nulls when none was chosen. */
  static Approval approval(String value, Errors errors) {
    if (value == null || value.isBlank()) {
      return new Approval(null, null);
    }
    int hash = value.indexOf('#');
    try {
      return new Approval(
          UUID.fromString(value.substring(0, hash)), Integer.valueOf(value.substring(hash + 1)));
    } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
      errors.reject("approval", "Choose the decision item from the list");
      return new Approval(null, null);
    }
  }

  /** An amount of money in pounds, as pence; null when empty. */
  static Long money(MultiValueMap<String, String> f, String name, String what, Errors errors) {
    String raw = f.getFirst(name);
    if (raw == null || raw.isBlank()) {
      return null;
    }
    Long pence = Money.parsePence(raw).orElse(null);
    if (pence == null) {
      errors.reject(name, what + " must be an amount of money, like £1,055,000 or £1.055m");
    }
    return pence;
  }

  /** The services' field names as the forms name them. */
  static Map<String, String> formErrors(Map<String, String> errors) {
    Map<String, String> out = new LinkedHashMap<>();
    errors.forEach(
        (k, v) ->
            out.putIfAbsent(
                switch (k) {
                  case "amountPence" -> "amount";
                  case "decisionId", "decisionItem" -> "approval";
                  default -> k;
                },
                v));
    return out;
  }

  static int integer(String raw, int otherwise) {
    try {
      return Integer.parseInt(raw);
    } catch (NumberFormatException e) {
      return otherwise;
    }
  }

  private static <E extends Enum<E>> E choice(
      Class<E> type, String raw, String name, Errors errors) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    try {
      return Enum.valueOf(type, raw);
    } catch (IllegalArgumentException e) {
      errors.reject(name, "Choose one of the options");
      return null;
    }
  }

  private static UUID uuid(String raw) {
    try {
      return raw == null || raw.isBlank() ? null : UUID.fromString(raw);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
