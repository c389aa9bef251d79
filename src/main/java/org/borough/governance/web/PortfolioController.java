// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.governance.web;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.borough.governance.BudgetActuals;
import org.borough.governance.BudgetLine;
import org.borough.governance.BudgetLineId;
import org.borough.governance.BudgetLineStatus;
import org.borough.governance.BudgetLines;
import org.borough.governance.DecisionItem;
import org.borough.governance.DecisionRegister;
import org.borough.governance.DecisionSummary;
import org.borough.governance.DecisionVerb;
import org.borough.governance.FinancialYear;
import org.borough.governance.FundingKind;
import org.borough.governance.IctPortfolio;
import org.borough.governance.IctSystem;
import org.borough.governance.IctSystemDetails;
import org.borough.governance.Labelled;
import org.borough.governance.Money;
import org.borough.governance.NewBudgetLine;
import org.borough.governance.Reserve;
import org.borough.governance.ReserveId;
import org.borough.governance.SpendKind;
import org.borough.governance.SupportStatus;
import org.borough.governance.SystemId;
import org.borough.governance.SystemPhase;
import org.borough.system.EditVersions;
import org.borough.system.Errors;
import org.borough.system.InvalidInputException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The ICT portfolio's pages for finance and the ICT lead: systems and the "catch up and keep pace"
 * list, reserves with their movements, and each financial year's budget lines with its
 * budget-setting list of pressures.
 */
@Controller
class PortfolioController {

  private final IctPortfolio portfolio;
  private final BudgetLines budget;
  private final DecisionRegister register;
  private final BudgetActuals actuals;

  PortfolioController(
      IctPortfolio portfolio,
      BudgetLines budget,
      DecisionRegister register,
      BudgetActuals actuals) {
    this.portfolio = portfolio;
    this.budget = budget;
    this.register = register;
    this.actuals = actuals;
  }

  @GetMapping("/portfolio")
  @PreAuthorize("hasAuthority('PORTFOLIO_READ')")
  String overview(Model model) {
    model.addAttribute("risks", portfolio.catchUpAndKeepPace());
    model.addAttribute("horizon", portfolio.horizonMonths());
    model.addAttribute("systems", portfolio.systems());
    model.addAttribute("reserves", portfolio.reserves());
    model.addAttribute("thisYear", FinancialYear.of(register.today()).toString());
    return "portfolio/overview";
  }

  // --- systems --------------------------------------------------------------------------------

  @GetMapping("/portfolio/systems/new")
  @PreAuthorize("hasAuthority('PORTFOLIO_MANAGE')")
  String newSystem(Model model) {
    return systemForm(model, new LinkedMultiValueMap<>(), Map.of(), null);
  }

  @PostMapping("/portfolio/systems/new")
  @PreAuthorize("hasAuthority('PORTFOLIO_MANAGE')")
  String registerSystem(
      @RequestParam MultiValueMap<String, String> form, Model model, RedirectAttributes redirect) {
    Errors errors = new Errors();
    IctSystemDetails details = PortfolioForms.system(form, errors);
    if (!errors.isEmpty()) {
      return systemForm(model, form, errors.asMap(), null);
    }
    try {
      SystemId id = portfolio.registerSystem(details);
      redirect.addFlashAttribute("banner", "System added to the portfolio");
      return "redirect:/portfolio/systems/" + id;
    } catch (InvalidInputException e) {
      return systemForm(model, form, e.errors(), null);
    }
  }

  @GetMapping("/portfolio/systems/{id}")
  @PreAuthorize("hasAuthority('PORTFOLIO_READ')")
  String system(@PathVariable UUID id, Model model) {
    IctSystem s = portfolio.findSystem(new SystemId(id));
    model.addAttribute("system", s);
    model.addAttribute("lines", budget.search(null, s.id(), null, 0, 200));
    return "portfolio/system";
  }

  @GetMapping("/portfolio/systems/{id}/edit")
  @PreAuthorize("hasAuthority('PORTFOLIO_MANAGE')")
  String editSystem(@PathVariable UUID id, Model model) {
    IctSystem s = portfolio.findSystem(new SystemId(id));
    return systemForm(model, PortfolioForms.of(s), Map.of(), s);
  }

  @PostMapping("/portfolio/systems/{id}/edit")
  @PreAuthorize("hasAuthority('PORTFOLIO_MANAGE')")
  String updateSystem(
      @PathVariable UUID id,
      @RequestParam MultiValueMap<String, String> form,
      Model model,
      RedirectAttributes redirect) {
    IctSystem s = portfolio.findSystem(new SystemId(id));
    Errors errors = new Errors();
    IctSystemDetails details = PortfolioForms.system(form, errors);
    if (!errors.isEmpty()) {
      return systemForm(model, form, errors.asMap(), s);
    }
    int version = PortfolioForms.integer(form.getFirst("version"), s.version());
    try {
      portfolio.updateSystem(s.id(), details, version);
      redirect.addFlashAttribute("banner", "System saved");
      return "redirect:/portfolio/systems/" + id;
    } catch (InvalidInputException e) {
      return systemForm(model, form, e.errors(), s);
    }
  }

  private String systemForm(
      Model model, MultiValueMap<String, String> form, Map<String, String> errors, IctSystem s) {
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    model.addAttribute("system", s);
    model.addAttribute("phases", labels(SystemPhase.values()));
    model.addAttribute("statuses", labels(SupportStatus.values()));
    return "portfolio/system-form";
  }

  // --- reserves -------------------------------------------------------------------------------

  @GetMapping("/portfolio/reserves/new")
  @PreAuthorize("hasAuthority('PORTFOLIO_MANAGE')")
  String newReserve(Model model) {
    model.addAttribute("form", new LinkedMultiValueMap<String, String>());
    model.addAttribute("errors", Map.of());
    return "portfolio/reserve-form";
  }

  @PostMapping("/portfolio/reserves/new")
  @PreAuthorize("hasAuthority('PORTFOLIO_MANAGE')")
  String openReserve(
      @RequestParam MultiValueMap<String, String> form, Model model, RedirectAttributes redirect) {
    Errors errors = new Errors();
    Long opening = PortfolioForms.money(form, "openingBalance", "The balance", errors);
    LocalDate asOf = DecisionForm.date(form, "asOf", "The date of the balance", errors);
    try {
      errors.throwIfAny();
      ReserveId id =
          portfolio.openReserve(form.getFirst("code"), form.getFirst("name"), opening, asOf);
      redirect.addFlashAttribute("banner", "Reserve opened");
      return "redirect:/portfolio/reserves/" + id;
    } catch (InvalidInputException e) {
      model.addAttribute("form", form);
      model.addAttribute("errors", e.errors());
      return "portfolio/reserve-form";
    }
  }

  @GetMapping("/portfolio/reserves/{id}")
  @PreAuthorize("hasAuthority('PORTFOLIO_READ')")
  String reserve(@PathVariable UUID id, Model model) {
    return reservePage(
        portfolio.findReserve(new ReserveId(id)), new LinkedMultiValueMap<>(), Map.of(), model);
  }

  @PostMapping("/portfolio/reserves/{id}/contributions")
  @PreAuthorize("hasAuthority('PORTFOLIO_MANAGE')")
  String contribute(
      @PathVariable UUID id,
      @RequestParam MultiValueMap<String, String> form,
      Model model,
      RedirectAttributes redirect) {
    Reserve r = portfolio.findReserve(new ReserveId(id));
    Errors errors = new Errors();
    Long amount = PortfolioForms.money(form, "amount", "The amount", errors);
    LocalDate on = DecisionForm.date(form, "on", "The date", errors);
    try {
      errors.throwIfAny();
      portfolio.contribute(r.id(), amount, on, form.getFirst("description"));
      redirect.addFlashAttribute("banner", "Contribution recorded");
      return "redirect:/portfolio/reserves/" + id;
    } catch (InvalidInputException e) {
      return reservePage(r, form, e.errors(), model);
    }
  }

  private String reservePage(
      Reserve r, MultiValueMap<String, String> form, Map<String, String> errors, Model model) {
    model.addAttribute("reserve", r);
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    return "portfolio/reserve";
  }

  // --- budget lines ---------------------------------------------------------------------------

  /** One financial year: its approved lines, and its budget-setting list of pressures. */
  @GetMapping("/portfolio/budget")
  @PreAuthorize("hasAuthority('PORTFOLIO_READ')")
  String year(@RequestParam(required = false) String year, Model model) {
    FinancialYear fy =
        FinancialYear.parse(year).orElseGet(() -> FinancialYear.of(register.today()));
    List<BudgetLine> lines = budget.search(fy, null, null, 0, 500);
    List<BudgetLine> pressures = budget.budgetSetting(fy);
    model.addAttribute("year", fy.toString());
    model.addAttribute("previous", new FinancialYear(fy.startYear() - 1).toString());
    model.addAttribute("next", new FinancialYear(fy.startYear() + 1).toString());
    model.addAttribute("lines", lines);
    model.addAttribute(
        "approvedPence",
        lines.stream()
            .filter(l -> l.status() == BudgetLineStatus.APPROVED)
            .mapToLong(BudgetLine::amountPence)
            .sum());
    model.addAttribute("pressures", pressures);
    model.addAttribute(
        "pressurePence", pressures.stream().mapToLong(BudgetLine::amountPence).sum());
    model.addAttribute("yearAsked", year == null || FinancialYear.parse(year).isPresent());
    return "portfolio/budget";
  }

  @GetMapping("/portfolio/budget-lines/new")
  @PreAuthorize("hasAuthority('PORTFOLIO_MANAGE')")
  String newLine(Model model) {
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("spend", SpendKind.REVENUE.name());
    return lineForm(model, form, Map.of());
  }

  @PostMapping("/portfolio/budget-lines/new")
  @PreAuthorize("hasAuthority('PORTFOLIO_MANAGE')")
  String recordLine(
      @RequestParam MultiValueMap<String, String> form, Model model, RedirectAttributes redirect) {
    Errors errors = new Errors();
    NewBudgetLine line = PortfolioForms.line(form, errors);
    if (!errors.isEmpty()) {
      return lineForm(model, form, errors.asMap());
    }
    try {
      BudgetLineId id = budget.record(line);
      redirect.addFlashAttribute("banner", "Budget line recorded");
      return "redirect:/portfolio/budget-lines/" + id;
    } catch (InvalidInputException e) {
      return lineForm(model, form, e.errors());
    }
  }

  @GetMapping("/portfolio/budget-lines/{id}")
  @PreAuthorize("hasAuthority('PORTFOLIO_READ')")
  String line(@PathVariable UUID id, Model model) {
    return linePage(
        budget.find(new BudgetLineId(id)), new LinkedMultiValueMap<>(), Map.of(), model);
  }

  @PostMapping("/portfolio/budget-lines/{id}/approve")
  @PreAuthorize("hasAuthority('PORTFOLIO_MANAGE')")
  String approve(
      @PathVariable UUID id,
      @RequestParam MultiValueMap<String, String> form,
      Model model,
      RedirectAttributes redirect) {
    BudgetLine line = budget.find(new BudgetLineId(id));
    Errors errors = new Errors();
    PortfolioForms.Approval a = PortfolioForms.approval(form.getFirst("approval"), errors);
    try {
      errors.throwIfAny();
      budget.approvePressure(
          line.id(), a.decisionId(), a.item(), form.getFirst("financialYear"), version(form));
      redirect.addFlashAttribute("banner", "Budget pressure approved");
      return "redirect:/portfolio/budget-lines/" + id;
    } catch (InvalidInputException e) {
      return linePage(line, form, e.errors(), model);
    }
  }

  @PostMapping("/portfolio/budget-lines/{id}/drop")
  @PreAuthorize("hasAuthority('PORTFOLIO_MANAGE')")
  String drop(
      @PathVariable UUID id,
      @RequestParam MultiValueMap<String, String> form,
      Model model,
      RedirectAttributes redirect) {
    BudgetLine line = budget.find(new BudgetLineId(id));
    try {
      budget.dropPressure(line.id(), form.getFirst("reason"), version(form));
      redirect.addFlashAttribute("banner", "Budget pressure dropped");
      return "redirect:/portfolio/budget-lines/" + id;
    } catch (InvalidInputException e) {
      return linePage(line, form, e.errors(), model);
    }
  }

  /** Reverses an approved line by a recorded correction, repaying a reserve that funded it. */
  @PostMapping("/portfolio/budget-lines/{id}/reverse")
  @PreAuthorize("hasAuthority('PORTFOLIO_MANAGE')")
  String reverse(
      @PathVariable UUID id,
      @RequestParam MultiValueMap<String, String> form,
      Model model,
      RedirectAttributes redirect) {
    BudgetLine line = budget.find(new BudgetLineId(id));
    try {
      budget.reverse(line.id(), form.getFirst("correction"), version(form));
      redirect.addFlashAttribute("banner", "Budget line reversed");
      return "redirect:/portfolio/budget-lines/" + id;
    } catch (InvalidInputException e) {
      Map<String, String> errors = new LinkedHashMap<>();
      e.errors().forEach((k, v) -> errors.put(k.equals("reason") ? "correction" : k, v));
      return linePage(line, form, errors, model);
    }
  }

  /** What was spent on the line in one month, from the form on the line's page. */
  @PostMapping("/portfolio/budget-lines/{id}/actuals")
  @PreAuthorize("hasAuthority('BUDGET_ACTUALS_RECORD')")
  String recordActual(
      @PathVariable UUID id,
      @RequestParam MultiValueMap<String, String> form,
      Model model,
      RedirectAttributes redirect) {
    BudgetLine line = budget.find(new BudgetLineId(id));
    Errors errors = new Errors();
    Long pence = PortfolioForms.money(form, "amount", "The amount spent", errors);
    try {
      errors.throwIfAny();
      actuals.record(line.id(), form.getFirst("month"), pence, form.getFirst("source"));
      redirect.addFlashAttribute("banner", "Actual spend recorded");
      return "redirect:/portfolio/budget-lines/" + id + "#actuals";
    } catch (InvalidInputException e) {
      return linePage(line, form, e.errors(), model);
    }
  }

  /** The version of the budget line the form was drawn at. */
  private static int version(MultiValueMap<String, String> form) {
    return EditVersions.fromForm(form.getFirst("version"), "budget line");
  }

  private String linePage(
      BudgetLine line,
      MultiValueMap<String, String> form,
      Map<String, String> errors,
      Model model) {
    model.addAttribute("line", line);
    model.addAttribute("form", form);
    model.addAttribute("errors", PortfolioForms.formErrors(errors));
    model.addAttribute(
        "approvals",
        line.status() == BudgetLineStatus.PRESSURE ? approvals(true) : Map.<String, String>of());
    model.addAttribute("actuals", ActualsView.of(line, actuals.history(line.id())));
    model.addAttribute("months", ActualsView.months(line));
    return "portfolio/budget-line";
  }

  private String lineForm(
      Model model, MultiValueMap<String, String> form, Map<String, String> errors) {
    model.addAttribute("form", form);
    model.addAttribute("errors", PortfolioForms.formErrors(errors));
    model.addAttribute("spends", labels(SpendKind.values()));
    model.addAttribute("fundings", labels(FundingKind.values()));
    Map<String, String> reserves = new LinkedHashMap<>();
    for (Reserve r : portfolio.reserves()) {
      reserves.put(r.id().toString(), r.name() + " (" + Money.format(r.balancePence()) + ")");
    }
    model.addAttribute("reserves", reserves);
    Map<String, String> systems = new LinkedHashMap<>();
    for (IctSystem s : portfolio.systems()) {
      systems.put(
          s.id().toString(),
          s.details().name() + " (" + s.details().phase().label().toLowerCase() + ")");
    }
    model.addAttribute("systems", systems);
    model.addAttribute("approvals", approvals(false));
    return "portfolio/budget-line-form";
  }

  /**
   * Items of recent published decisions, as "decision id#item number": those that can approve
   * money, and (unless {@code approvingOnly}) those that note a pressure.
   */
  private Map<String, String> approvals(boolean approvingOnly) {
    Map<String, String> options = new LinkedHashMap<>();
    for (var recent : register.recentWithItems(50)) {
      DecisionSummary d = recent.decision();
      for (DecisionItem i : recent.items()) {
        boolean approving = i.verb() == DecisionVerb.AGREED || i.verb() == DecisionVerb.APPROVED;
        if (approvingOnly && !approving) {
          continue;
        }
        String text = i.verb().label() + " " + i.text();
        options.put(
            d.id() + "#" + i.number(),
            d.decisionDate()
                + " "
                + d.title()
                + ", item "
                + i.number()
                + ": "
                + (text.length() > 80 ? text.substring(0, 79) + "…" : text));
      }
    }
    return options;
  }

  static <E extends Enum<E> & Labelled> Map<String, String> labels(E[] values) {
    Map<String, String> out = new LinkedHashMap<>();
    for (E v : values) {
      out.put(v.name(), v.label());
    }
    return out;
  }
}
