// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.warehouse;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.borough.residents.Channel;
import org.borough.system.InvalidInputException;
import org.borough.system.NotFoundException;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The dashboards (overview, SLA, channels, wards, services): every KPI on a page under the same
 * filters, drawn by ECharts from its table; the list of cases behind a row; and CSV and XLSX
 * downloads of every table with the filters written into the file.
 */
@Controller
@PreAuthorize("hasAuthority('WAREHOUSE_READ')")
class DashboardController {

  /** A drill-down also takes the KPI, the row's key and the dashboard to go back to. */
  private static final Set<String> DRILL_PARAMS = Set.of("kpi", "key", "back");

  private final KpiService kpis;

  DashboardController(KpiService kpis) {
    this.kpis = kpis;
  }

  /** One KPI on a dashboard: its values, how to draw them and where its links go. */
  record Panel(
      KpiResult result,
      String chart,
      boolean overTime,
      int labelColumn,
      List<Integer> series,
      List<List<KpiCells.Cell>> rows,
      List<KpiCells.Cell> total,
      String csv,
      String xlsx) {}

  @GetMapping("/warehouse/dashboards")
  String index() {
    return "redirect:/warehouse/dashboards/" + Dashboard.OVERVIEW.slug();
  }

  @GetMapping("/warehouse/dashboards/{name}")
  String dashboard(
      @PathVariable String name,
      @RequestParam Map<String, String> params,
      Model model,
      HttpServletResponse response) {
    Dashboard dashboard = Dashboard.of(name).orElseThrow(() -> new NotFoundException("Dashboard"));
    KpiFilters.Choices choices = kpis.choices();
    common(model, choices, params);
    model.addAttribute("dashboard", dashboard);
    model.addAttribute("dashboards", Dashboard.values());
    KpiFilters filters;
    try {
      filters = KpiFilters.parse(params, Set.of(), kpis.today(), choices);
    } catch (InvalidInputException e) {
      model.addAttribute("errors", e.errors());
      response.setStatus(400);
      return "warehouse/dashboard";
    }
    List<Panel> panels = new ArrayList<>();
    for (String id : dashboard.kpis) {
      panels.add(panel(kpis.run(id, filters), kpis.kpi(id), filters, dashboard));
    }
    model.addAttribute("filters", filters);
    model.addAttribute("panels", panels);
    if (dashboard == Dashboard.BUDGET) {
      model.addAttribute("years", kpis.financialYears());
    }
    return "warehouse/dashboard";
  }

  @GetMapping("/warehouse/cases")
  String cases(
      @RequestParam Map<String, String> params, Model model, HttpServletResponse response) {
    Kpis.Kpi kpi = kpis.kpi(params.get("kpi"));
    Dashboard back = Dashboard.of(params.get("back")).orElse(Dashboard.OVERVIEW);
    KpiFilters.Choices choices = kpis.choices();
    common(model, choices, params);
    model.addAttribute("kpi", kpi);
    model.addAttribute("kpiTitle", kpis.title(kpi));
    model.addAttribute("back", back);
    KpiFilters filters;
    try {
      filters = KpiFilters.parse(params, DRILL_PARAMS, kpis.today(), choices);
    } catch (InvalidInputException e) {
      model.addAttribute("errors", e.errors());
      response.setStatus(400);
      return "warehouse/cases";
    }
    String key = params.getOrDefault("key", "");
    KpiService.Drill drill = kpis.drill(kpi.id(), key, filters);
    String query = filters.query() + "&kpi=" + enc(kpi.id()) + "&key=" + enc(key);
    model.addAttribute("filters", filters);
    model.addAttribute("drill", drill);
    model.addAttribute("shown", drill.cases().subList(0, Math.min(SHOWN, drill.cases().size())));
    model.addAttribute("csv", "/warehouse/cases.csv?" + query);
    model.addAttribute("xlsx", "/warehouse/cases.xlsx?" + query);
    model.addAttribute("backLink", "/warehouse/dashboards/" + back.slug() + "?" + filters.query());
    return "warehouse/cases";
  }

  /** Cases listed on the drill-down page; the downloads have them all. */
  static final int SHOWN = 500;

  @GetMapping("/warehouse/kpis/{kpi}.csv")
  void kpiCsv(
      @PathVariable String kpi,
      @RequestParam Map<String, String> params,
      HttpServletResponse response)
      throws IOException {
    exportKpi(kpi, params, response, false);
  }

  @GetMapping("/warehouse/kpis/{kpi}.xlsx")
  void kpiXlsx(
      @PathVariable String kpi,
      @RequestParam Map<String, String> params,
      HttpServletResponse response)
      throws IOException {
    exportKpi(kpi, params, response, true);
  }

  @GetMapping("/warehouse/cases.csv")
  void casesCsv(@RequestParam Map<String, String> params, HttpServletResponse response)
      throws IOException {
    exportCases(params, response, false);
  }

  @GetMapping("/warehouse/cases.xlsx")
  void casesXlsx(@RequestParam Map<String, String> params, HttpServletResponse response)
      throws IOException {
    exportCases(params, response, true);
  }

  private void exportKpi(
      String id, Map<String, String> params, HttpServletResponse response, boolean xlsx)
      throws IOException {
    Kpis.Kpi kpi = kpis.kpi(id);
    KpiFilters filters = filtersOr400(params, Set.of(), response);
    if (filters == null) {
      return;
    }
    KpiResult result = kpis.run(kpi.id(), filters);
    write(Exports.of(result, kpi), kpi.id(), response, xlsx);
  }

  private void exportCases(Map<String, String> params, HttpServletResponse response, boolean xlsx)
      throws IOException {
    Kpis.Kpi kpi = kpis.kpi(params.get("kpi"));
    KpiFilters filters = filtersOr400(params, DRILL_PARAMS, response);
    if (filters == null) {
      return;
    }
    KpiService.Drill drill = kpis.drill(kpi.id(), params.getOrDefault("key", ""), filters);
    write(Exports.of(drill, filters, kpis), kpi.id() + "-cases", response, xlsx);
  }

  private KpiFilters filtersOr400(
      Map<String, String> params, Set<String> others, HttpServletResponse response)
      throws IOException {
    try {
      return kpis.filters(params, others);
    } catch (InvalidInputException e) {
      response.setStatus(400);
      response.setContentType(MediaType.TEXT_PLAIN_VALUE);
      response.setCharacterEncoding("UTF-8");
      var out = response.getWriter();
      out.println("The filters are not valid:");
      e.errors().forEach((k, v) -> out.println(k + ": " + v));
      return null;
    }
  }

  static void write(Exports.Sheet sheet, String name, HttpServletResponse response, boolean xlsx)
      throws IOException {
    String file = name + (xlsx ? ".xlsx" : ".csv");
    response.setHeader("Content-Disposition", "attachment; filename=\"" + file + "\"");
    if (xlsx) {
      response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
      Exports.xlsx(sheet, response.getOutputStream());
    } else {
      response.setContentType("text/csv;charset=UTF-8");
      Exports.csv(sheet, response.getOutputStream());
    }
  }

  private void common(Model model, KpiFilters.Choices choices, Map<String, String> params) {
    LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    params.forEach(form::add);
    model.addAttribute("form", form);
    model.addAttribute("asAt", kpis.asAt());
    model.addAttribute("services", choices.services());
    model.addAttribute("wards", choices.wards());
    model.addAttribute("teams", choices.teams());
    Map<String, String> channels = new LinkedHashMap<>();
    for (Channel c : Channel.values()) {
      channels.put(c.name(), c.label());
    }
    model.addAttribute("channels", channels);
  }

  private Panel panel(KpiResult r, Kpis.Kpi kpi, KpiFilters filters, Dashboard dashboard) {
    List<Kpis.Column> cols = kpi.columns();
    int label = cols.size() > 1 && cols.get(1).type() == Kpis.ColumnType.TEXT ? 1 : 0;
    List<Integer> series = new ArrayList<>();
    for (Kpis.ColumnType wanted :
        List.of(
            Kpis.ColumnType.PERCENT,
            Kpis.ColumnType.DAYS,
            Kpis.ColumnType.COUNT,
            Kpis.ColumnType.MONEY)) {
      for (int i = 0; i < cols.size(); i++) {
        if (cols.get(i).type() == wanted) {
          series.add(i);
        }
      }
      if (!series.isEmpty()) {
        break;
      }
    }
    if (kpi.id().equals("cost-per-contact")) {
      // the cost, not the unit cost, the count or the ICT budget's spend (on the total row only)
      series = List.of(cols.indexOf(new Kpis.Column("cost", Kpis.ColumnType.MONEY)));
    } else if (kpi.id().startsWith("budget-")) {
      series = List.of(1, 2); // budget beside actual
    }
    List<List<KpiCells.Cell>> rows = new ArrayList<>();
    for (Map<String, Object> row : r.rows()) {
      String href = null;
      if (kpi.drillable()) {
        Object key = row.get(cols.get(0).name());
        href =
            "/warehouse/cases?kpi="
                + enc(kpi.id())
                + "&key="
                + enc(key == null ? "" : key.toString())
                + "&back="
                + dashboard.slug()
                + "&"
                + filters.query();
      }
      rows.add(cells(r, row, href));
    }
    List<KpiCells.Cell> total = r.total() == null ? null : cells(r, r.total(), null);
    String query = filters.query();
    Kpis.ColumnType axis = cols.get(0).type();
    return new Panel(
        r,
        kpi.chart().name().toLowerCase(java.util.Locale.ROOT),
        axis == Kpis.ColumnType.MONTH || axis == Kpis.ColumnType.DATE,
        label,
        series,
        rows,
        total,
        "/warehouse/kpis/" + kpi.id() + ".csv?" + query,
        "/warehouse/kpis/" + kpi.id() + ".xlsx?" + query);
  }

  private static List<KpiCells.Cell> cells(KpiResult r, Map<String, Object> row, String href) {
    List<KpiCells.Cell> cells = new ArrayList<>();
    for (int i = 0; i < r.columns().size(); i++) {
      KpiResult.Column c = r.columns().get(i);
      cells.add(KpiCells.of(row.get(c.name()), c.type(), i == 0 ? href : null));
    }
    return cells;
  }

  private static String enc(String v) {
    return URLEncoder.encode(v, StandardCharsets.UTF_8);
  }
}
