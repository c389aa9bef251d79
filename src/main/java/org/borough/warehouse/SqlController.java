// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.warehouse;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
 * The analysts' SQL page: a query box, its result (capped, with the time it took), CSV and XLSX
 * downloads of it, the saved queries, and the tables that can be queried. A query can be linked to
 * ({@code ?sql=…}) and a saved one opened ({@code ?saved=…}); both run at once. Running and
 * downloading are posts so that long queries fit; nothing on the page changes the warehouse.
 */
@Controller
@PreAuthorize("hasAuthority('WAREHOUSE_READ')")
class SqlController {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(Exports.LONDON);

  /** Longest value shown in a cell of the page; downloads and the API have it whole. */
  static final int CELL_LENGTH = 500;

  private final AnalystSql sql;
  private final SavedQueries saved;

  SqlController(AnalystSql sql, SavedQueries saved) {
    this.sql = sql;
    this.saved = saved;
  }

  @GetMapping("/warehouse/sql")
  String page(
      @RequestParam(name = "sql", required = false) String text,
      @RequestParam(name = "saved", required = false) UUID id,
      Model model,
      HttpServletResponse response) {
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    SavedQueries.SavedQuery opened = null;
    if (id != null) {
      opened = saved.get(id);
      text = opened.sql();
      form.add("name", opened.name());
      form.add("description", opened.description());
    }
    form.add("sql", text);
    common(model, form, opened);
    if (text != null) {
      run(text, model, response);
    }
    return "warehouse/sql";
  }

  @PostMapping("/warehouse/sql")
  String run(@RequestParam Map<String, String> params, Model model, HttpServletResponse response) {
    common(model, form(params), opened(params));
    run(params.get("sql"), model, response);
    return "warehouse/sql";
  }

  @PostMapping("/warehouse/sql.csv")
  String csv(@RequestParam Map<String, String> params, Model model, HttpServletResponse response)
      throws IOException {
    return download(params, model, response, false);
  }

  @PostMapping("/warehouse/sql.xlsx")
  String xlsx(@RequestParam Map<String, String> params, Model model, HttpServletResponse response)
      throws IOException {
    return download(params, model, response, true);
  }

  @PostMapping("/warehouse/sql/saved")
  String save(
      @RequestParam Map<String, String> params,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    try {
      UUID id = saved.save(details(params));
      redirect.addFlashAttribute("banner", "Query saved");
      return "redirect:/warehouse/sql?saved=" + id;
    } catch (InvalidInputException e) {
      return refused(e, params, model, response);
    }
  }

  @PostMapping("/warehouse/sql/saved/{id}")
  String update(
      @PathVariable UUID id,
      @RequestParam Map<String, String> params,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    saved.get(id); // an unknown id is a 404 before the form is looked at
    try {
      saved.update(id, version(params), details(params));
      redirect.addFlashAttribute("banner", "Saved query updated");
      return "redirect:/warehouse/sql?saved=" + id;
    } catch (InvalidInputException e) {
      return refused(e, params, model, response);
    }
  }

  @PostMapping("/warehouse/sql/saved/{id}/delete")
  String delete(@PathVariable UUID id, RedirectAttributes redirect) {
    saved.delete(id);
    redirect.addFlashAttribute("banner", "Saved query deleted");
    return "redirect:/warehouse/sql";
  }

  private String download(
      Map<String, String> params, Model model, HttpServletResponse response, boolean xlsx)
      throws IOException {
    String text = params.get("sql");
    AnalystSql.Run run;
    try {
      run = sql.download(text);
    } catch (InvalidInputException e) {
      return refused(e, params, model, response);
    }
    DashboardController.write(Exports.of(run, text), "query", response, xlsx);
    return null;
  }

  private void run(String text, Model model, HttpServletResponse response) {
    try {
      AnalystSql.Run run = sql.run(text);
      model.addAttribute("run", run);
      model.addAttribute("cells", cells(run.result()));
    } catch (InvalidInputException e) {
      model.addAttribute("errors", e.errors());
      response.setStatus(400);
    }
  }

  private String refused(
      InvalidInputException e,
      Map<String, String> params,
      Model model,
      HttpServletResponse response) {
    common(model, form(params), opened(params));
    model.addAttribute("errors", e.errors());
    response.setStatus(400);
    return "warehouse/sql";
  }

  private void common(
      Model model, MultiValueMap<String, String> form, SavedQueries.SavedQuery opened) {
    List<SavedQueries.SavedQuery> all = saved.list();
    model.addAttribute("form", form);
    model.addAttribute("opened", opened);
    model.addAttribute("mayChange", opened != null && saved.mayChange(opened));
    model.addAttribute("saved", all);
    model.addAttribute(
        "deletable", all.stream().filter(saved::mayDelete).map(q -> q.id()).toList());
    model.addAttribute("tables", sql.tables());
    model.addAttribute("limits", sql.properties());
    model.addAttribute("dashboards", Dashboard.values());
  }

  private SavedQueries.SavedQuery opened(Map<String, String> params) {
    String id = params.get("saved");
    if (id == null || id.isBlank()) {
      return null;
    }
    try {
      return saved.get(UUID.fromString(id));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static MultiValueMap<String, String> form(Map<String, String> params) {
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    params.forEach(form::add);
    return form;
  }

  private static SavedQueries.Details details(Map<String, String> params) {
    return new SavedQueries.Details(
        params.get("name"), params.get("description"), params.get("sql"));
  }

  private static int version(Map<String, String> params) {
    try {
      return Integer.parseInt(params.getOrDefault("version", ""));
    } catch (NumberFormatException e) {
      return -1; // a form without its version cannot overwrite anything
    }
  }

  /** The rows as the page shows them: times in London, long values cut short. */
  static List<List<KpiCells.Cell>> cells(AnalystQuery.Result r) {
    List<List<KpiCells.Cell>> rows = new ArrayList<>();
    for (List<Object> row : r.rows()) {
      List<KpiCells.Cell> cells = new ArrayList<>();
      for (Object v : row) {
        boolean numeric = v instanceof Long || v instanceof BigDecimal;
        String text;
        if (v == null) {
          text = "NULL";
        } else if (v instanceof Instant t) {
          text = TIME.format(t);
        } else if (v instanceof BigDecimal d) {
          text = d.toPlainString();
        } else {
          text = v.toString();
        }
        if (text.length() > CELL_LENGTH) {
          text = text.substring(0, CELL_LENGTH) + "…";
        }
        cells.add(new KpiCells.Cell(text, null, null, numeric));
      }
      rows.add(cells);
    }
    return rows;
  }
}
