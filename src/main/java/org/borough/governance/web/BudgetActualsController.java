// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.governance.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.borough.governance.BudgetActuals;
import org.borough.governance.FinancialYear;
import org.borough.system.InvalidInputException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Finance's page for importing a month's actual spend from the ledger's CSV, all or nothing. */
@Controller
class BudgetActualsController {

  private final BudgetActuals actuals;

  BudgetActualsController(BudgetActuals actuals) {
    this.actuals = actuals;
  }

  @GetMapping("/portfolio/actuals/import")
  @PreAuthorize("hasAuthority('BUDGET_ACTUALS_RECORD')")
  String form(Model model) {
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("source", "Ledger import");
    return page(model, form, Map.of());
  }

  @PostMapping("/portfolio/actuals/import")
  @PreAuthorize("hasAuthority('BUDGET_ACTUALS_RECORD')")
  String importMonth(
      @RequestParam MultiValueMap<String, String> form,
      @RequestParam(name = "file", required = false) MultipartFile file,
      Model model,
      RedirectAttributes redirect)
      throws IOException {
    String csv =
        file == null || file.isEmpty() ? "" : new String(file.getBytes(), StandardCharsets.UTF_8);
    try {
      int n = actuals.importMonth(form.getFirst("month"), csv, form.getFirst("source"));
      YearMonth month = YearMonth.parse(form.getFirst("month").trim());
      redirect.addFlashAttribute(
          "banner",
          n + " actual" + (n == 1 ? "" : "s") + " imported for " + BudgetActuals.monthName(month));
      return "redirect:/portfolio/budget?year=" + FinancialYear.of(month.atDay(1));
    } catch (InvalidInputException e) {
      return page(model, form, e.errors());
    } catch (DateTimeParseException e) {
      throw new IllegalStateException("The month was checked before the import", e);
    }
  }

  /** One line of the error summary: the field it links to, and the message. */
  record Problem(String field, String message) {}

  /**
   * The month and the source keep their own errors; every problem in the file links to the file
   * field, which says how many there are, so each line's problem is listed once, in file order.
   */
  private static String page(
      Model model, MultiValueMap<String, String> form, Map<String, String> errors) {
    Map<String, String> inline = new LinkedHashMap<>();
    List<Problem> problems = new ArrayList<>();
    int inFile = 0;
    for (Map.Entry<String, String> e : errors.entrySet()) {
      boolean field = e.getKey().equals("month") || e.getKey().equals("source");
      if (field) {
        inline.put(e.getKey(), e.getValue());
      } else {
        inFile++;
      }
      problems.add(new Problem(field ? e.getKey() : "file", e.getValue()));
    }
    if (inFile == 1 && errors.containsKey("file")) {
      inline.put("file", errors.get("file"));
    } else if (inFile > 0) {
      inline.put(
          "file",
          "The file has "
              + inFile
              + " problem"
              + (inFile == 1 ? "" : "s")
              + ", listed above: nothing was imported");
    }
    model.addAttribute("form", form);
    model.addAttribute("errors", inline);
    model.addAttribute("problems", problems);
    return "portfolio/actuals-import";
  }
}
