// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.governance.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.borough.governance.BudgetActual;
import org.borough.governance.BudgetActuals;
import org.borough.governance.BudgetLineId;
import org.borough.system.InvalidInputException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What was actually spent on budget lines, over JSON and as a ledger's CSV. Reading needs
 * PORTFOLIO_READ; recording needs BUDGET_ACTUALS_RECORD (finance, administrators).
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = PortfolioApiController.TAG, description = PortfolioApiController.TAG_DESCRIPTION)
class BudgetActualsApiController {

  private final BudgetActuals actuals;

  BudgetActualsApiController(BudgetActuals actuals) {
    this.actuals = actuals;
  }

  /** A month's actual; the amount is a number so that a fraction of a penny can be refused. */
  record Actual(String month, BigDecimal amountPence, String source) {}

  record Actuals(List<BudgetActual> actuals) {}

  record Imported(String month, int imported) {}

  @GetMapping("/budget-lines/{id}/actuals")
  @PreAuthorize("hasAuthority('PORTFOLIO_READ')")
  @Operation(summary = "Every actual recorded for a budget line, by month, the latest last")
  Actuals history(@PathVariable UUID id) {
    return new Actuals(actuals.history(new BudgetLineId(id)));
  }

  @PostMapping("/budget-lines/{id}/actuals")
  @PreAuthorize("hasAuthority('BUDGET_ACTUALS_RECORD')")
  @Operation(
      summary = "Record what was spent on an approved budget line in one month",
      description =
          "month is written 2017-10 and must fall in the line's financial year; amountPence is"
              + " whole pence, not negative. A month recorded again replaces its figure (the"
              + " earlier one is kept in the history). 404 for an unknown line, 409 for a line"
              + " that is not approved.")
  ResponseEntity<Actuals> record(@PathVariable UUID id, @RequestBody Actual body) {
    Actual a = body == null ? new Actual(null, null, null) : body;
    List<BudgetActual> history =
        actuals.record(new BudgetLineId(id), a.month(), pence(a.amountPence()), a.source());
    return ResponseEntity.created(URI.create("/api/v1/budget-lines/" + id + "/actuals"))
        .body(new Actuals(history));
  }

  @PostMapping("/budget-actuals/import")
  @PreAuthorize("hasAuthority('BUDGET_ACTUALS_RECORD')")
  @Operation(
      summary = "Import a month's actuals from the ledger as CSV",
      description =
          "The body is CSV: a heading line naming the columns budget_line (the line's id) and"
              + " amount (pounds and pence, like 87916.67 or \"£87,916.67\"), then one line per"
              + " budget line; other columns are ignored. All lines are imported or, when any is"
              + " wrong, none: every problem is reported under its line number.")
  Imported importMonth(
      @Parameter(description = "Written like 2017-10", required = true)
          @RequestParam(required = false)
          String month,
      @Parameter(description = "Where the figures come from")
          @RequestParam(defaultValue = "Ledger import")
          String source,
      @RequestBody(required = false) String csv) {
    return new Imported(month, actuals.importMonth(month, csv, source));
  }

  /** Whole pence from JSON; a fraction of a penny is refused, not rounded or truncated. */
  static Long pence(BigDecimal amount) {
    if (amount == null) {
      return null;
    }
    BigDecimal whole = amount.stripTrailingZeros();
    if (whole.scale() > 0) {
      throw InvalidInputException.of(
          "amountPence", "The amount must be whole pence, like 8791667 for £87,916.67");
    }
    try {
      return whole.longValueExact();
    } catch (ArithmeticException e) {
      throw InvalidInputException.of("amountPence", "The amount is too large");
    }
  }
}
