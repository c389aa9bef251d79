// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.governance;

import static org.borough.governance.Checks.actor;
import static org.borough.governance.Checks.required;
import static org.borough.governance.Checks.trim;

import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.borough.audit.AuditAction;
import org.borough.audit.AuditLog;
import org.borough.governance.internal.BudgetActualRepository;
import org.borough.governance.internal.BudgetLineRepository;
import org.borough.system.ConflictException;
import org.borough.system.Errors;
import org.borough.system.InvalidInputException;
import org.borough.system.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What was actually spent on approved budget lines, month by month: recorded one at a time by
 * finance, or a month's figures imported from the ledger all at once. A month recorded again
 * replaces its figure; every earlier figure is kept with who recorded it and when. Each recording
 * publishes {@link BudgetActualRecorded}, so the warehouse's {@code fact_budget} and its cost per
 * contact follow what the council spends rather than what it planned.
 */
@Service
public class BudgetActuals {

  private static final DateTimeFormatter MONTH =
      DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);

  private final BudgetLineRepository lines;
  private final BudgetActualRepository actuals;
  private final AuditLog audit;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  BudgetActuals(
      BudgetLineRepository lines,
      BudgetActualRepository actuals,
      AuditLog audit,
      ApplicationEventPublisher events,
      Clock clock) {
    this.lines = lines;
    this.actuals = actuals;
    this.audit = audit;
    this.events = events;
    this.clock = clock;
  }

  /**
   * Records what was spent on one line in one month.
   *
   * @param month written like {@code 2017-10}, within the line's financial year
   * @throws NotFoundException for an unknown line
   * @throws ConflictException when the line is not approved (a pressure has no spending)
   * @throws InvalidInputException naming each field that is wrong
   */
  @PreAuthorize("hasAuthority('BUDGET_ACTUALS_RECORD')")
  @Transactional
  public List<BudgetActual> record(BudgetLineId id, String month, Long amountPence, String source) {
    BudgetLine line =
        lines.find(id.value()).orElseThrow(() -> new NotFoundException("Budget line " + id));
    if (line.status() != BudgetLineStatus.APPROVED) {
      throw new ConflictException(notApproved(line));
    }
    Errors errors = new Errors();
    YearMonth m = month(month, "month", errors);
    if (m != null) {
      inYear(line, m, "month", "", errors);
    }
    amount(amountPence, "amountPence", "", errors);
    String from = source(source, errors);
    errors.throwIfAny();
    save(line, m, amountPence, from);
    return actuals.history(id.value());
  }

  /**
   * Imports a month's actuals from a ledger's CSV ({@link LedgerCsv}): all of them or, when any
   * line is wrong, none, with every problem reported against its line number.
   *
   * @return how many lines' actuals were recorded
   */
  @PreAuthorize("hasAuthority('BUDGET_ACTUALS_RECORD')")
  @Transactional
  public int importMonth(String month, String csv, String source) {
    Errors errors = new Errors();
    YearMonth m = month(month, "month", errors);
    String from = source(source, errors);
    List<LedgerCsv.Line> rows;
    boolean readable = true;
    try {
      rows = LedgerCsv.read(csv);
    } catch (LedgerCsv.Unreadable e) {
      errors.reject("line " + e.line(), e.getMessage());
      rows = List.of();
      readable = false;
    }
    if (rows.isEmpty() && readable) {
      errors.reject(
          "file", "The file has no actuals in it: one line per budget line after the headings");
    }
    record Checked(BudgetLine line, long pence) {}
    List<Checked> checked = new ArrayList<>();
    Map<UUID, Integer> seen = new HashMap<>();
    for (LedgerCsv.Line row : rows) {
      String at = "line " + row.number();
      String prefix = "Line " + row.number() + ": ";
      BudgetLine line = importedLine(row, prefix, at, seen, errors);
      Long pence = Money.parsePence(row.amount()).orElse(null);
      if (row.amount().isEmpty()) {
        errors.reject(at + " amount", prefix + "enter the amount spent");
      } else if (pence == null) {
        errors.reject(
            at + " amount",
            prefix
                + "the amount must be pounds and whole pence, not negative, like 87916.67 or"
                + " \"£87,916.67\"");
      }
      if (line != null && m != null) {
        inYear(line, m, at + " month", prefix, errors);
      }
      if (line != null && pence != null) {
        checked.add(new Checked(line, pence));
      }
    }
    errors.throwIfAny();
    for (Checked c : checked) {
      save(c.line(), m, c.pence(), from);
    }
    return checked.size();
  }

  /** Every figure recorded for the line, by month, the latest of each month last. */
  @PreAuthorize("hasAuthority('PORTFOLIO_READ')")
  @Transactional(readOnly = true)
  public List<BudgetActual> history(BudgetLineId id) {
    lines.find(id.value()).orElseThrow(() -> new NotFoundException("Budget line " + id));
    return actuals.history(id.value());
  }

  /** The month as a page shows it: "October 2017". */
  public static String monthName(YearMonth month) {
    return month.format(MONTH);
  }

  private BudgetLine importedLine(
      LedgerCsv.Line row, String prefix, String at, Map<UUID, Integer> seen, Errors errors) {
    UUID id;
    try {
      id = UUID.fromString(row.budgetLine());
    } catch (IllegalArgumentException e) {
      errors.reject(
          at + " budget_line",
          prefix + "the budget line must be its id, like 3f2c…, as the budget line's page shows");
      return null;
    }
    Integer earlier = seen.putIfAbsent(id, row.number());
    if (earlier != null) {
      errors.reject(
          at + " budget_line", prefix + "the budget line is on line " + earlier + " already");
      return null;
    }
    Optional<BudgetLine> line = lines.find(id);
    if (line.isEmpty()) {
      errors.reject(at + " budget_line", prefix + "there is no budget line " + id);
      return null;
    }
    if (line.get().status() != BudgetLineStatus.APPROVED) {
      errors.reject(at + " budget_line", prefix + notApproved(line.get()));
      return null;
    }
    return line.get();
  }

  private void save(BudgetLine line, YearMonth month, long pence, String source) {
    actuals.insert(line.id().value(), month, pence, source, clock.instant(), actor());
    audit.record(
        AuditAction.UPDATE, "budget-line", line.id().toString(), "actual recorded " + month);
    events.publishEvent(
        new BudgetActualRecorded(line.id(), line.financialYear(), month.toString(), pence));
  }

  private static String notApproved(BudgetLine line) {
    return "actual spending is recorded against approved budget lines only; this line is "
        + line.status().label().toLowerCase(Locale.UK);
  }

  static YearMonth month(String text, String field, Errors errors) {
    String t = trim(text);
    if (t == null) {
      errors.reject(field, "Enter the month, like 2017-10");
      return null;
    }
    try {
      return YearMonth.parse(t);
    } catch (DateTimeParseException e) {
      errors.reject(field, "The month must be written like 2017-10 (year, then month)");
      return null;
    }
  }

  private static void inYear(
      BudgetLine line, YearMonth month, String field, String prefix, Errors errors) {
    FinancialYear year = FinancialYear.parse(line.financialYear()).orElseThrow();
    if (!year.contains(month)) {
      String why =
          "the budget line is for "
              + year
              + ": the month must be from April "
              + year.startYear()
              + " to March "
              + (year.startYear() + 1)
              + ", not "
              + monthName(month);
      errors.reject(field, prefix.isEmpty() ? capitalise(why) : prefix + why);
    }
  }

  private static void amount(Long pence, String field, String prefix, Errors errors) {
    if (pence == null) {
      errors.reject(field, prefix + "Enter the amount spent");
    } else if (pence < 0) {
      errors.reject(field, prefix + "The amount spent cannot be negative");
    }
  }

  private static String source(String source, Errors errors) {
    String s = trim(source);
    required(
        errors,
        "source",
        s,
        "Say where the figure comes from, like the ledger's month-end report",
        "Where the figure comes from",
        200);
    return s;
  }

  private static String capitalise(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
