// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.governance;

import static org.borough.governance.Checks.actor;
import static org.borough.governance.Checks.required;
import static org.borough.governance.Checks.trim;
import static org.borough.governance.Checks.trimText;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.borough.audit.AuditAction;
import org.borough.audit.AuditLog;
import org.borough.governance.internal.BudgetActualRepository;
import org.borough.governance.internal.BudgetLineRepository;
import org.borough.governance.internal.DecisionRepository;
import org.borough.governance.internal.StoredDecision;
import org.borough.system.ConflictException;
import org.borough.system.Errors;
import org.borough.system.InvalidInputException;
import org.borough.system.NotFoundException;
import org.borough.system.StaleEditException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Budget lines per financial year, each tied to the decision item that approved it or noted it as a
 * budget pressure. The rules of the ICT Resources Review are enforced with errors on the field at
 * fault: a system in business as usual is not funded from capital; a reserve drawdown cannot exceed
 * the reserve's balance, and reduces it (atomically, so two at once cannot both spend the same
 * money); a noted pressure stays on every later year's budget-setting list until it is approved or
 * dropped.
 *
 * <p>{@link #monthly(FinancialYear)} is the warehouse's read API ({@code fact_budget}): amounts and
 * codes only, no personal data, so it needs no user; everything else checks the caller.
 */
@Service
public class BudgetLines {

  private final BudgetLineRepository lines;
  private final BudgetActualRepository actuals;
  private final DecisionRepository decisions;
  private final IctPortfolio portfolio;
  private final AuditLog audit;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  BudgetLines(
      BudgetLineRepository lines,
      BudgetActualRepository actuals,
      DecisionRepository decisions,
      IctPortfolio portfolio,
      AuditLog audit,
      ApplicationEventPublisher events,
      Clock clock) {
    this.lines = lines;
    this.actuals = actuals;
    this.decisions = decisions;
    this.portfolio = portfolio;
    this.audit = audit;
    this.events = events;
    this.clock = clock;
  }

  /**
   * Records a budget line. Agreed or Approved by its decision item, it is approved (and a reserve
   * is drawn down); Noted or Recommended to Council, it is a budget pressure for budget setting.
   *
   * @throws InvalidInputException for every field that is wrong, including the funding rules
   */
  @PreAuthorize("hasAuthority('PORTFOLIO_MANAGE')")
  @Transactional
  public BudgetLineId record(NewBudgetLine input) {
    NewBudgetLine in =
        input == null
            ? new NewBudgetLine(null, null, null, null, null, null, null, null, null, null)
            : input;
    Errors errors = new Errors();
    Optional<FinancialYear> year = FinancialYear.parse(in.financialYear());
    if (in.financialYear() == null || in.financialYear().isBlank()) {
      errors.reject("financialYear", "Enter the financial year, like 2017/18");
    } else if (year.isEmpty()) {
      errors.reject(
          "financialYear",
          "The financial year must be written like 2017/18, two years that follow each other");
    }
    if (in.amountPence() == null) {
      errors.reject("amountPence", "Enter the amount");
    } else if (in.amountPence() <= 0) {
      errors.reject("amountPence", "The amount must be more than nothing");
    }
    if (in.spend() == null) {
      errors.reject("spend", "Choose revenue or capital");
    }
    String grant = trim(in.grantName());
    Reserve reserve = null;
    if (in.funding() == null) {
      errors.reject("funding", "Choose where the money comes from");
    } else if (in.funding() == FundingKind.RESERVE) {
      if (in.reserveId() == null) {
        errors.reject("reserveId", "Choose the reserve the money is drawn from");
      } else {
        reserve = reserveOrReject(new ReserveId(in.reserveId()), errors);
      }
    } else if (in.funding() == FundingKind.GRANT) {
      required(errors, "grantName", grant, "Enter the name of the grant", "The grant's name", 200);
    } else if (in.funding() == FundingKind.CAPITAL_PROGRAMME && in.spend() == SpendKind.REVENUE) {
      errors.reject("funding", "The capital programme funds capital spending only");
    }
    List<IctSystem> systems = systems(in.systemIds(), errors);
    if (in.spend() != null && in.funding() != null) {
      BudgetRules.capitalRefusal(systems, in.spend(), in.funding())
          .ifPresent(
              why -> errors.reject(in.spend() == SpendKind.CAPITAL ? "spend" : "funding", why));
    }
    String description = trimText(in.description());
    required(
        errors, "description", description, "Say what the money is for", "The description", 1000);
    DecisionItem item = decisionItem(in.decisionId(), in.decisionItem(), errors);
    if (item != null && year.isPresent()) {
      checkItem(item, year.get(), in.amountPence(), in.decisionId(), null, errors);
    }
    errors.throwIfAny();

    boolean approved = item.verb() == DecisionVerb.AGREED || item.verb() == DecisionVerb.APPROVED;
    UUID id = UUID.randomUUID();
    BudgetLineStatus status = approved ? BudgetLineStatus.APPROVED : BudgetLineStatus.PRESSURE;
    lines.insert(
        new BudgetLineRepository.Row(
            id,
            year.get(),
            in.amountPence(),
            in.spend(),
            in.funding(),
            reserve == null ? null : reserve.id().value(),
            in.funding() == FundingKind.GRANT ? grant : null,
            systems.stream().map(s -> s.id().value()).toList(),
            description,
            status,
            in.decisionId(),
            item.number()),
        clock.instant(),
        actor());
    BudgetLineId lineId = new BudgetLineId(id);
    audit.record(
        AuditAction.CREATE,
        "budget-line",
        id.toString(),
        (approved ? "approved " : "pressure noted ") + year.get());
    BudgetLine line = line(lineId);
    if (approved) {
      approved(line, in.decisionId(), item.number());
    } else {
      events.publishEvent(
          new BudgetPressureChanged(
              lineId, status, line.financialYear(), line.amountPence(), codes(line)));
    }
    return lineId;
  }

  /**
   * Approves a budget pressure by a later decision item (Agreed or Approved), for its own year or a
   * later one; the funding rules are checked again, and a reserve is drawn down now.
   *
   * @throws ConflictException when the line is not a pressure
   */
  @PreAuthorize("hasAuthority('PORTFOLIO_MANAGE')")
  @Transactional
  public BudgetLine approvePressure(
      BudgetLineId id, UUID decisionId, Integer itemNumber, String financialYear) {
    return approvePressure(id, decisionId, itemNumber, financialYear, null);
  }

  /**
   * Like {@link #approvePressure(BudgetLineId, UUID, Integer, String)}, made to the version of the
   * line the approver read (null for the one stored now).
   *
   * @throws StaleEditException when the line was changed since {@code version}
   */
  @PreAuthorize("hasAuthority('PORTFOLIO_MANAGE')")
  @Transactional
  public BudgetLine approvePressure(
      BudgetLineId id, UUID decisionId, Integer itemNumber, String financialYear, Integer version) {
    BudgetLine line = current(id, version);
    if (line.status() != BudgetLineStatus.PRESSURE) {
      throw new ConflictException(
          "Only a budget pressure can be approved; this line is "
              + line.status().label().toLowerCase());
    }
    Errors errors = new Errors();
    FinancialYear own = FinancialYear.parse(line.financialYear()).orElseThrow();
    FinancialYear year = own;
    if (financialYear != null && !financialYear.isBlank()) {
      year = FinancialYear.parse(financialYear).orElse(null);
      if (year == null) {
        errors.reject("financialYear", "The financial year must be written like 2018/19");
      } else if (year.startYear() < own.startYear()) {
        errors.reject(
            "financialYear",
            "The pressure is from " + own + ": it can be approved for that year or a later one");
      }
    }
    DecisionItem item = decisionItem(decisionId, itemNumber, errors);
    if (item != null
        && item.verb() != DecisionVerb.AGREED
        && item.verb() != DecisionVerb.APPROVED) {
      errors.reject(
          "decisionItem",
          "Item "
              + item.number()
              + " "
              + item.verb().label().toLowerCase()
              + " it; choose the item that agreed or approved the money");
    }
    List<IctSystem> systems =
        line.systems().stream().map(s -> portfolio.system(new SystemId(s.id()))).toList();
    BudgetRules.capitalRefusal(systems, line.spend(), line.funding())
        .ifPresent(why -> errors.reject("funding", why));
    if (item != null && year != null) {
      checkItem(item, year, line.amountPence(), decisionId, id.value(), errors);
    }
    errors.throwIfAny();
    if (!lines.approve(id.value(), line.version(), year, decisionId, item.number(), now())) {
      throw stale(line);
    }
    audit.record(AuditAction.UPDATE, "budget-line", id.toString(), "pressure approved " + year);
    BudgetLine approved = line(id);
    approved(approved, decisionId, item.number());
    return line(id);
  }

  /** Drops a budget pressure from budget setting, with the reason. */
  @PreAuthorize("hasAuthority('PORTFOLIO_MANAGE')")
  @Transactional
  public BudgetLine dropPressure(BudgetLineId id, String reason) {
    return dropPressure(id, reason, null);
  }

  /** Drops a budget pressure, made to the version of the line read (null for the one stored). */
  @PreAuthorize("hasAuthority('PORTFOLIO_MANAGE')")
  @Transactional
  public BudgetLine dropPressure(BudgetLineId id, String reason, Integer version) {
    BudgetLine line = current(id, version);
    String why = trimText(reason);
    Errors errors = new Errors();
    required(errors, "reason", why, "Enter why the pressure is dropped", "The reason", 2000);
    errors.throwIfAny();
    if (line.status() != BudgetLineStatus.PRESSURE) {
      throw new ConflictException(
          "Only a budget pressure can be dropped; this line is "
              + line.status().label().toLowerCase());
    }
    if (!lines.drop(id.value(), line.version(), portfolio.today(), why, now())) {
      throw stale(line);
    }
    audit.record(AuditAction.UPDATE, "budget-line", id.toString(), "pressure dropped");
    events.publishEvent(
        new BudgetPressureChanged(
            id, BudgetLineStatus.DROPPED, line.financialYear(), line.amountPence(), codes(line)));
    return line(id);
  }

  /**
   * Reverses an approved line by a recorded correction, with the reason: it stops being budget, the
   * money goes back to its decision item, and a reserve drawdown that funded it is repaid. The line
   * and the reserve's movements keep the history. A line with actual spend recorded against it
   * cannot be reversed: that money was spent.
   *
   * @throws ConflictException when the line is not approved, or has actuals
   */
  @PreAuthorize("hasAuthority('PORTFOLIO_MANAGE')")
  @Transactional
  public BudgetLine reverse(BudgetLineId id, String reason) {
    return reverse(id, reason, null);
  }

  /** Reverses an approved line, made to the version read (null for the one stored now). */
  @PreAuthorize("hasAuthority('PORTFOLIO_MANAGE')")
  @Transactional
  public BudgetLine reverse(BudgetLineId id, String reason, Integer version) {
    BudgetLine line = current(id, version);
    String why = trimText(reason);
    Errors errors = new Errors();
    required(
        errors,
        "reason",
        why,
        "Enter why the line is reversed (the correction)",
        "The reason",
        2000);
    errors.throwIfAny();
    if (line.status() != BudgetLineStatus.APPROVED) {
      throw new ConflictException(
          "Only an approved line can be reversed; this line is "
              + line.status().label().toLowerCase());
    }
    if (actuals.any(id.value())) {
      throw new ConflictException(
          "Actual spend is recorded against this line, so it cannot be reversed: that money was"
              + " spent. Record a new line for the change instead.");
    }
    if (!lines.reverse(id.value(), line.version(), portfolio.today(), why, now())) {
      throw stale(line);
    }
    if (line.funding() == FundingKind.RESERVE) {
      portfolio.repay(
          new ReserveId(line.reserve().id()),
          line.amountPence(),
          portfolio.today(),
          id,
          line.financialYear() + ": reversed, " + line.description());
    }
    audit.record(AuditAction.UPDATE, "budget-line", id.toString(), "reversed");
    events.publishEvent(
        new BudgetLineReversed(id, line.financialYear(), line.amountPence(), codes(line)));
    return line(id);
  }

  @PreAuthorize("hasAuthority('PORTFOLIO_READ')")
  @Transactional(readOnly = true)
  public BudgetLine find(BudgetLineId id) {
    return line(id);
  }

  /** Lines by financial year, system and status (nulls mean any), newest year first. */
  @PreAuthorize("hasAuthority('PORTFOLIO_READ')")
  @Transactional(readOnly = true)
  public List<BudgetLine> search(
      FinancialYear year, SystemId system, BudgetLineStatus status, int offset, int limit) {
    return lines.search(
        year,
        system == null ? null : system.value(),
        status,
        Math.max(0, offset),
        Math.max(1, Math.min(limit, 500)));
  }

  /**
   * The budget-setting list for {@code year}: pressures noted for that year, and earlier ones
   * carried forward because they were neither approved nor dropped.
   */
  @PreAuthorize("hasAuthority('PORTFOLIO_READ')")
  @Transactional(readOnly = true)
  public List<BudgetLine> budgetSetting(FinancialYear year) {
    return lines.openPressures(year);
  }

  /**
   * Approved lines of {@code year}, each spread over its twelve months, April first, with what was
   * actually spent in each month where it is recorded: the warehouse's {@code fact_budget}. Amounts
   * and codes only; no personal data, so no user needed.
   */
  @Transactional(readOnly = true)
  public List<BudgetMonth> monthly(FinancialYear year) {
    return months(year);
  }

  /** {@link #monthly(FinancialYear)} for every year at once: what a warehouse rebuild reads. */
  @Transactional(readOnly = true)
  public List<BudgetMonth> monthly() {
    return months(null);
  }

  /**
   * The approved total of each financial year, in pence, by the year written 2017/18: what the
   * warehouse reconciles {@code fact_budget} against. Amounts only, so no user needed.
   */
  @Transactional(readOnly = true)
  public Map<String, Long> approvedPerYear() {
    return lines.approvedPerYear();
  }

  private List<BudgetMonth> months(FinancialYear year) {
    List<BudgetMonth> months = new ArrayList<>();
    Map<UUID, Map<YearMonth, Long>> spent = actuals.latest();
    for (BudgetLine line : lines.search(year, null, BudgetLineStatus.APPROVED, 0, 100_000)) {
      List<YearMonth> calendar =
          BudgetRules.months(FinancialYear.parse(line.financialYear()).orElseThrow());
      List<Long> amounts = BudgetRules.monthly(line.amountPence());
      Map<YearMonth, Long> actual = spent.getOrDefault(line.id().value(), Map.of());
      for (int m = 0; m < 12; m++) {
        months.add(
            new BudgetMonth(
                line.id(),
                line.financialYear(),
                calendar.get(m),
                amounts.get(m),
                actual.get(calendar.get(m)),
                line.spend(),
                line.funding(),
                line.reserve() == null ? null : line.reserve().code(),
                codes(line)));
      }
    }
    return months;
  }

  // --- rules ----------------------------------------------------------------------------------

  private void approved(BudgetLine line, UUID decisionId, int item) {
    if (line.funding() == FundingKind.RESERVE) {
      StoredDecision d = decisions.find(decisionId).orElseThrow();
      portfolio.drawDown(
          new ReserveId(line.reserve().id()),
          line.amountPence(),
          d.details().decisionDate(),
          line.id(),
          line.financialYear() + ": " + line.description(),
          "amountPence");
    }
    events.publishEvent(
        new BudgetLineApproved(
            line.id(),
            line.financialYear(),
            line.amountPence(),
            line.spend(),
            line.funding(),
            line.reserve() == null ? null : line.reserve().code(),
            codes(line),
            new DecisionId(decisionId),
            item));
  }

  /** The published decision's item, or null with the error on the field at fault. */
  private DecisionItem decisionItem(UUID decisionId, Integer number, Errors errors) {
    if (decisionId == null) {
      errors.reject("decisionId", "Choose the decision that approved or noted this money");
      return null;
    }
    decisions.lock(decisionId);
    Optional<StoredDecision> found = decisions.find(decisionId);
    if (found.isEmpty() || found.get().status() == DecisionStatus.DRAFT) {
      errors.reject("decisionId", "Choose a published decision");
      return null;
    }
    if (number == null) {
      errors.reject("decisionItem", "Enter the number of the decision item");
      return null;
    }
    return found.get().details().items().stream()
        .filter(i -> i.number() == number.intValue())
        .findFirst()
        .orElseGet(
            () -> {
              errors.reject(
                  "decisionItem",
                  "The decision has "
                      + found.get().details().items().size()
                      + " items; there is no item "
                      + number);
              return null;
            });
  }

  /**
   * The line must fit its decision item: the item's financial year, when it names one, and the
   * money the item still has after the other lines it funds.
   */
  private void checkItem(
      DecisionItem item,
      FinancialYear year,
      Long pence,
      UUID decisionId,
      UUID except,
      Errors errors) {
    if (item.financialYear() != null && !item.financialYear().equals(year.toString())) {
      errors.reject(
          "financialYear",
          "Item " + item.number() + " of the decision is for " + item.financialYear());
    }
    if (item.amountPence() != null && pence != null && pence > 0) {
      long left = item.amountPence() - lines.allocated(decisionId, item.number(), except);
      if (pence > left) {
        errors.reject(
            "amountPence",
            "Item "
                + item.number()
                + " is for "
                + Money.format(item.amountPence())
                + "; "
                + Money.format(Math.max(0, left))
                + " of it is not yet given to budget lines");
      }
    }
  }

  private Reserve reserveOrReject(ReserveId id, Errors errors) {
    try {
      return portfolio.reserve(id);
    } catch (NotFoundException e) {
      errors.reject("reserveId", "There is no reserve " + id);
      return null;
    }
  }

  private List<IctSystem> systems(List<UUID> ids, Errors errors) {
    if (ids.isEmpty()) {
      errors.reject("systemIds", "Choose at least one system the money funds");
    }
    List<IctSystem> found = new ArrayList<>();
    for (UUID id : ids) {
      try {
        found.add(portfolio.system(new SystemId(id)));
      } catch (NotFoundException e) {
        errors.reject("systemIds", "There is no system " + id);
      }
    }
    return found;
  }

  private static List<String> codes(BudgetLine line) {
    return line.systems().stream().map(BudgetLine.Ref::code).toList();
  }

  private BudgetLine line(BudgetLineId id) {
    return lines.find(id.value()).orElseThrow(() -> new NotFoundException("Budget line " + id));
  }

  /** The line as stored, refused when it is no longer at {@code version} (null: any). */
  private BudgetLine current(BudgetLineId id, Integer version) {
    BudgetLine line = line(id);
    if (version != null && version != line.version()) {
      throw stale(line);
    }
    return line;
  }

  private static StaleEditException stale(BudgetLine line) {
    return new StaleEditException(
        "budget line (" + line.financialYear() + ", " + line.description() + ")");
  }

  private Instant now() {
    return clock.instant();
  }
}
