// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.governance.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.borough.governance.BudgetLine;
import org.borough.governance.BudgetLineId;
import org.borough.governance.BudgetLineStatus;
import org.borough.governance.BudgetLines;
import org.borough.governance.FinancialYear;
import org.borough.governance.IctPortfolio;
import org.borough.governance.IctSystem;
import org.borough.governance.IctSystemDetails;
import org.borough.governance.NewBudgetLine;
import org.borough.governance.Reserve;
import org.borough.governance.ReserveId;
import org.borough.governance.SupportRisk;
import org.borough.governance.SystemId;
import org.borough.system.EntityTags;
import org.borough.system.InvalidInputException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The ICT portfolio over JSON: systems, reserves and budget lines. Reading needs PORTFOLIO_READ (a
 * list of unsupported systems helps an attacker); recording needs PORTFOLIO_MANAGE. Money is whole
 * pence; financial years are written 2017/18.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = PortfolioApiController.TAG, description = PortfolioApiController.TAG_DESCRIPTION)
class PortfolioApiController {

  /** The OpenAPI tag of every portfolio endpoint, budget actuals included. */
  static final String TAG = "ICT portfolio";

  static final String TAG_DESCRIPTION =
      "Systems, reserves and budget lines per financial year, with the decisions that approved"
          + " them and what was actually spent. Needs a token with PORTFOLIO_READ; writes need"
          + " PORTFOLIO_MANAGE, actual spend BUDGET_ACTUALS_RECORD.";

  private final IctPortfolio portfolio;
  private final BudgetLines budget;

  PortfolioApiController(IctPortfolio portfolio, BudgetLines budget) {
    this.portfolio = portfolio;
    this.budget = budget;
  }

  record Systems(List<IctSystem> systems) {}

  record CatchUp(int horizonMonths, List<SupportRisk> systems) {}

  record Reserves(List<Reserve> reserves) {}

  record NewReserve(String code, String name, Long openingBalancePence, LocalDate asOf) {}

  record Contribution(Long amountPence, LocalDate on, String description) {}

  record Lines(List<BudgetLine> budgetLines, Integer nextOffset) {}

  record Approval(UUID decisionId, Integer decisionItem, String financialYear) {}

  record Drop(String reason) {}

  record BudgetSetting(String financialYear, long totalPence, List<BudgetLine> pressures) {}

  // --- systems --------------------------------------------------------------------------------

  @GetMapping("/systems")
  @PreAuthorize("hasAuthority('PORTFOLIO_READ')")
  @Operation(summary = "Every system in the ICT portfolio, by name")
  Systems systems() {
    return new Systems(portfolio.systems());
  }

  @GetMapping("/systems/catch-up")
  @PreAuthorize("hasAuthority('PORTFOLIO_READ')")
  @Operation(
      summary = "\"Catch up and keep pace\": systems unsupported now or within the horizon",
      description =
          "Unsupported systems first, then those whose support ends within horizonMonths"
              + " (BOROUGH_GOVERNANCE_SUPPORT_HORIZON_MONTHS), soonest first.")
  CatchUp catchUp() {
    return new CatchUp(portfolio.horizonMonths(), portfolio.catchUpAndKeepPace());
  }

  @GetMapping("/systems/{id}")
  @PreAuthorize("hasAuthority('PORTFOLIO_READ')")
  @Operation(summary = "One system")
  ResponseEntity<IctSystem> system(@PathVariable UUID id) {
    IctSystem s = portfolio.findSystem(new SystemId(id));
    return EntityTags.ok(s, s.version());
  }

  @PostMapping("/systems")
  @PreAuthorize("hasAuthority('PORTFOLIO_MANAGE')")
  @Operation(summary = "Add a system to the portfolio")
  ResponseEntity<IctSystem> registerSystem(@RequestBody IctSystemDetails details) {
    SystemId id = portfolio.registerSystem(details);
    return ResponseEntity.created(URI.create("/api/v1/systems/" + id))
        .body(portfolio.findSystem(id));
  }

  @PutMapping("/systems/{id}")
  @PreAuthorize("hasAuthority('PORTFOLIO_MANAGE')")
  @Operation(
      summary = "Change a system",
      description =
          "Send If-Match with the ETag read (412 when stale), or as before ?version= (409 when"
              + " stale); one of the two is required.")
  ResponseEntity<IctSystem> updateSystem(
      @PathVariable UUID id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @RequestParam(required = false) Integer version,
      @RequestBody IctSystemDetails details) {
    SystemId system = new SystemId(id);
    IctSystem current = portfolio.findSystem(system);
    int expected =
        EntityTags.required(
            ifMatch, version, current.version(), "system " + current.details().code());
    IctSystem s = portfolio.updateSystem(system, details, expected);
    return EntityTags.ok(s, s.version());
  }

  // --- reserves -------------------------------------------------------------------------------

  @GetMapping("/reserves")
  @PreAuthorize("hasAuthority('PORTFOLIO_READ')")
  @Operation(summary = "Every reserve with its balance")
  Reserves reserves() {
    return new Reserves(portfolio.reserves());
  }

  @GetMapping("/reserves/{id}")
  @PreAuthorize("hasAuthority('PORTFOLIO_READ')")
  @Operation(summary = "One reserve with every movement into and out of it")
  Reserve reserve(@PathVariable UUID id) {
    return portfolio.findReserve(new ReserveId(id));
  }

  @PostMapping("/reserves")
  @PreAuthorize("hasAuthority('PORTFOLIO_MANAGE')")
  @Operation(summary = "Open a reserve with its balance on a date")
  ResponseEntity<Reserve> openReserve(@RequestBody NewReserve body) {
    ReserveId id =
        portfolio.openReserve(body.code(), body.name(), body.openingBalancePence(), body.asOf());
    return ResponseEntity.created(URI.create("/api/v1/reserves/" + id))
        .body(portfolio.findReserve(id));
  }

  @PostMapping("/reserves/{id}/contributions")
  @PreAuthorize("hasAuthority('PORTFOLIO_MANAGE')")
  @Operation(summary = "Add money to a reserve")
  Reserve contribute(@PathVariable UUID id, @RequestBody Contribution body) {
    return portfolio.contribute(
        new ReserveId(id), body.amountPence(), body.on(), body.description());
  }

  // --- budget lines ---------------------------------------------------------------------------

  @GetMapping("/budget-lines")
  @PreAuthorize("hasAuthority('PORTFOLIO_READ')")
  @Operation(summary = "Budget lines, newest financial year first, then the largest")
  Lines lines(
      @Parameter(description = "Written like 2017/18") @RequestParam(required = false)
          String financialYear,
      @Parameter(description = "A system's id") @RequestParam(required = false) UUID system,
      @RequestParam(required = false) BudgetLineStatus status,
      @RequestParam(defaultValue = "0") int offset,
      @RequestParam(defaultValue = "100") int limit) {
    int size = Math.max(1, Math.min(limit, 500));
    List<BudgetLine> found =
        budget.search(
            year(financialYear, false),
            system == null ? null : new SystemId(system),
            status,
            offset,
            size + 1);
    boolean more = found.size() > size;
    return new Lines(
        more ? found.subList(0, size) : found, more ? Math.max(0, offset) + size : null);
  }

  @GetMapping("/budget-lines/{id}")
  @PreAuthorize("hasAuthority('PORTFOLIO_READ')")
  @Operation(summary = "One budget line")
  ResponseEntity<BudgetLine> line(@PathVariable UUID id) {
    return tagged(budget.find(new BudgetLineId(id)));
  }

  @PostMapping("/budget-lines")
  @PreAuthorize("hasAuthority('PORTFOLIO_MANAGE')")
  @Operation(
      summary = "Record a budget line approved or noted by a decision item",
      description =
          "An item that Agreed or Approved the money makes the line approved (a reserve is drawn"
              + " down now); Noted or Recommended to Council makes it a budget pressure. Refused"
              + " with field errors: capital for a system in business as usual; a drawdown larger"
              + " than the reserve's balance; more than the item's amount.")
  ResponseEntity<BudgetLine> record(@RequestBody NewBudgetLine body) {
    BudgetLineId id = budget.record(body);
    return ResponseEntity.created(URI.create("/api/v1/budget-lines/" + id)).body(budget.find(id));
  }

  @PostMapping("/budget-lines/{id}/approve")
  @PreAuthorize("hasAuthority('PORTFOLIO_MANAGE')")
  @Operation(summary = "Approve a budget pressure by a later decision item")
  ResponseEntity<BudgetLine> approve(
      @PathVariable UUID id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @RequestBody Approval body) {
    BudgetLineId line = new BudgetLineId(id);
    return tagged(
        budget.approvePressure(
            line,
            body.decisionId(),
            body.decisionItem(),
            body.financialYear(),
            expected(line, ifMatch)));
  }

  @PostMapping("/budget-lines/{id}/drop")
  @PreAuthorize("hasAuthority('PORTFOLIO_MANAGE')")
  @Operation(summary = "Drop a budget pressure from budget setting")
  ResponseEntity<BudgetLine> drop(
      @PathVariable UUID id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @RequestBody Drop body) {
    BudgetLineId line = new BudgetLineId(id);
    return tagged(budget.dropPressure(line, body.reason(), expected(line, ifMatch)));
  }

  @PostMapping("/budget-lines/{id}/reverse")
  @PreAuthorize("hasAuthority('PORTFOLIO_MANAGE')")
  @Operation(
      summary = "Reverse an approved budget line by a recorded correction",
      description =
          "The line becomes REVERSED with the reason, its decision item's money is free again, and"
              + " a reserve that funded it is repaid (a REPAYMENT movement after the drawdown)."
              + " 409 when the line is not approved or has actual spend recorded.")
  ResponseEntity<BudgetLine> reverse(
      @PathVariable UUID id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @RequestBody Drop body) {
    BudgetLineId line = new BudgetLineId(id);
    return tagged(
        budget.reverse(line, body == null ? null : body.reason(), expected(line, ifMatch)));
  }

  private static ResponseEntity<BudgetLine> tagged(BudgetLine line) {
    return EntityTags.ok(line, line.version());
  }

  /** The version If-Match names (a 412 when it is not the stored one), or null without it. */
  private Integer expected(BudgetLineId id, String ifMatch) {
    if (ifMatch == null) {
      return null;
    }
    BudgetLine line = budget.find(id);
    return EntityTags.expected(ifMatch, line.version(), "budget line " + line.description());
  }

  @GetMapping("/budget-setting")
  @PreAuthorize("hasAuthority('PORTFOLIO_READ')")
  @Operation(
      summary = "The budget-setting list of a financial year",
      description =
          "Budget pressures noted for the year, and earlier ones carried forward until they are"
              + " approved or dropped.")
  BudgetSetting budgetSetting(
      @Parameter(description = "Written like 2018/19", required = true) @RequestParam
          String financialYear) {
    FinancialYear year = year(financialYear, true);
    List<BudgetLine> pressures = budget.budgetSetting(year);
    return new BudgetSetting(
        year.toString(), pressures.stream().mapToLong(BudgetLine::amountPence).sum(), pressures);
  }

  /** A financial year parameter; 400 naming it when it is not written like 2017/18. */
  static FinancialYear year(String text, boolean required) {
    if (text == null || text.isBlank()) {
      if (required) {
        throw InvalidInputException.of("financialYear", "Enter the financial year, like 2018/19");
      }
      return null;
    }
    return FinancialYear.parse(text)
        .orElseThrow(
            () ->
                InvalidInputException.of(
                    "financialYear", "The financial year must be written like 2018/19"));
  }
}
