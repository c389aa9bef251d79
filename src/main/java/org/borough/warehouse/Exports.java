// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.warehouse;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.borough.system.CsvCells;

/**
 * Tables as CSV and XLSX files. Each file starts with what the figures are — the KPI, its
 * definition, the warehouse's "as at" time and every filter applied (or "All") — then a blank row,
 * then the table with its headings and, where there is one, its total row.
 */
final class Exports {

  static final ZoneId LONDON = ZoneId.of("Europe/London");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private Exports() {}

  /** What goes into a file: the lines about it, and the table. */
  record Sheet(
      String title,
      List<String[]> about,
      List<String> headings,
      List<List<Object>> rows,
      List<Object> total) {}

  static Sheet of(KpiResult r, Kpis.Kpi kpi) {
    List<String[]> about =
        about(r.title(), r.definition(), r.asAt(), r.filters(), r.notApplicable());
    if (r.source() != null) {
      about.add(new String[] {"Unit costs", r.source()});
    }
    List<String> headings = r.columns().stream().map(KpiResult.Column::label).toList();
    List<List<Object>> rows = new ArrayList<>();
    for (Map<String, Object> row : r.rows()) {
      rows.add(new ArrayList<>(row.values()));
    }
    List<Object> total = null;
    if (r.total() != null) {
      total = new ArrayList<>(r.total().values());
      total.set(0, "Total");
    }
    return new Sheet(r.title(), about, headings, rows, total);
  }

  static Sheet of(KpiService.Drill d, KpiFilters f, KpiService kpis) {
    List<String[]> about =
        about(
            "Cases behind: " + d.title(),
            kpis.definition(d.kpi()),
            d.asAt(),
            f.asParams(),
            d.kpi().notApplicable().stream().map(Kpis.Filter::param).toList());
    about.add(new String[] {"Row", d.key() == null || d.key().isEmpty() ? "(none)" : d.key()});
    if (d.capped()) {
      about.add(new String[] {"Note", "Only the first " + Kpis.DRILL_LIMIT + " cases are listed"});
    }
    List<String> headings =
        List.of(
            "Reference",
            "Service code",
            "Service",
            "Ward code",
            "Ward",
            "Team code",
            "Team",
            "Channel",
            "Status",
            "Opened",
            "Due",
            "Resolved",
            "Within SLA",
            "Working days to resolve",
            "Times reopened",
            "Age (working days)");
    List<List<Object>> rows = new ArrayList<>();
    for (KpiQueries.CaseLine c : d.cases()) {
      List<Object> row = new ArrayList<>();
      row.add(c.reference());
      row.add(c.service());
      row.add(c.serviceName());
      row.add(c.ward());
      row.add(c.wardName());
      row.add(c.team());
      row.add(c.teamName());
      row.add(c.channel());
      row.add(c.status());
      row.add(c.openedAt());
      row.add(c.dueAt());
      row.add(c.resolvedAt());
      row.add(c.slaMet() == null ? null : c.slaMet() ? "Yes" : "No");
      row.add(c.workingDaysTaken() == null ? null : (long) c.workingDaysTaken());
      row.add((long) c.timesReopened());
      row.add(c.ageDays() == null ? null : (long) c.ageDays());
      rows.add(row);
    }
    return new Sheet("Cases behind " + d.title(), about, headings, rows, null);
  }

  /** An analyst's query from the SQL page: the query itself, the as-at time, and any cap. */
  static Sheet of(AnalystSql.Run run, String sql) {
    AnalystQuery.Result r = run.result();
    List<String[]> about = new ArrayList<>();
    about.add(new String[] {"Query", sql});
    about.add(new String[] {"Data as at", asAt(run.asAt())});
    about.add(
        new String[] {
          "Rows",
          r.truncated()
              ? "Only the first " + run.cap() + " rows; the query gives more"
              : String.valueOf(r.rows().size())
        });
    List<String> headings = r.columns().stream().map(AnalystQuery.Column::name).toList();
    return new Sheet("Query", about, headings, r.rows(), null);
  }

  private static List<String[]> about(
      String title,
      String definition,
      Instant asAt,
      Map<String, String> filters,
      List<String> notApplicable) {
    List<String[]> about = new ArrayList<>();
    about.add(new String[] {"KPI", title});
    about.add(new String[] {"Definition", definition});
    about.add(new String[] {"Data as at", asAt(asAt)});
    for (Kpis.Filter f : Kpis.Filter.values()) {
      String value = filters.getOrDefault(f.param(), "All");
      if (notApplicable.contains(f.param())) {
        value = "Not applicable to this KPI";
      }
      about.add(new String[] {"Filter: " + f.param(), value});
    }
    return about;
  }

  private static String asAt(Instant asAt) {
    return asAt == null ? "not loaded yet" : TIME.format(asAt.atZone(LONDON));
  }

  // --- CSV ------------------------------------------------------------------------------------

  static void csv(Sheet sheet, OutputStream out) throws IOException {
    Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    CSVPrinter csv = CsvCells.printer(w);
    for (String[] line : sheet.about()) {
      line(csv, List.of(line[0], line[1]));
    }
    csv.println();
    line(csv, sheet.headings());
    for (List<Object> row : sheet.rows()) {
      line(csv, row);
    }
    if (sheet.total() != null) {
      line(csv, sheet.total());
    }
    csv.flush();
  }

  private static void line(CSVPrinter csv, List<?> values) throws IOException {
    for (Object v : values) {
      csv.print(csvCell(v));
    }
    csv.println();
  }

  /** A cell's value before quoting: text kept from running as a formula, figures formatted. */
  static String csvCell(Object v) {
    if (v == null) {
      return "";
    }
    return v instanceof String s ? CsvCells.text(s) : text(v);
  }

  private static String text(Object v) {
    if (v instanceof Instant t) {
      return TIME.format(t.atZone(LONDON));
    } else if (v instanceof BigDecimal d) {
      return d.toPlainString();
    }
    return v.toString();
  }

  // --- XLSX -----------------------------------------------------------------------------------

  static void xlsx(Sheet sheet, OutputStream out) throws IOException {
    // Streaming: a drill-down of 100,000 cases keeps only a window of rows in memory.
    SXSSFWorkbook book = new SXSSFWorkbook(200);
    try {
      org.apache.poi.ss.usermodel.Sheet s = book.createSheet("Data");
      Font bold = book.createFont();
      bold.setBold(true);
      CellStyle heading = book.createCellStyle();
      heading.setFont(bold);
      CellStyle date = book.createCellStyle();
      date.setDataFormat(book.createDataFormat().getFormat("yyyy-mm-dd"));
      CellStyle time = book.createCellStyle();
      time.setDataFormat(book.createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
      int r = 0;
      for (String[] line : sheet.about()) {
        Row row = s.createRow(r++);
        Cell k = row.createCell(0);
        k.setCellValue(line[0]);
        k.setCellStyle(heading);
        row.createCell(1).setCellValue(line[1]);
      }
      r++;
      Row head = s.createRow(r++);
      for (int i = 0; i < sheet.headings().size(); i++) {
        Cell c = head.createCell(i);
        c.setCellValue(sheet.headings().get(i));
        c.setCellStyle(heading);
      }
      List<List<Object>> all = new ArrayList<>(sheet.rows());
      if (sheet.total() != null) {
        all.add(sheet.total());
      }
      for (List<Object> values : all) {
        Row row = s.createRow(r++);
        for (int i = 0; i < values.size(); i++) {
          cell(row, i, values.get(i), date, time);
        }
      }
      s.setColumnWidth(0, 24 * 256);
      s.setColumnWidth(1, 40 * 256);
      book.write(out);
    } finally {
      book.dispose();
      book.close();
    }
  }

  private static void cell(Row row, int i, Object v, CellStyle date, CellStyle time) {
    if (v == null) {
      return;
    }
    Cell c = row.createCell(i);
    if (v instanceof Long n) {
      c.setCellValue(n);
    } else if (v instanceof BigDecimal d) {
      c.setCellValue(d.doubleValue());
    } else if (v instanceof LocalDate d) {
      c.setCellValue(d);
      c.setCellStyle(date);
    } else if (v instanceof Instant t) {
      c.setCellValue(LocalDateTime.ofInstant(t, LONDON));
      c.setCellStyle(time);
    } else {
      c.setCellValue(v.toString());
    }
  }
}
