// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.audit.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.apache.commons.csv.CSVPrinter;
import org.borough.audit.AuditAction;
import org.borough.audit.AuditLog;
import org.borough.audit.AuditLog.AuditQuery;
import org.borough.audit.AuditLog.Entry;
import org.borough.system.CsvCells;
import org.borough.system.DateInputs;
import org.borough.system.Errors;
import org.borough.system.Inputs;
import org.borough.system.SystemProperties;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The audit log for admins and the DPO: newest first, filtered by subject (a resident, a case), by
 * who acted and by date, a page at a time, or every matching entry as CSV.
 */
@Controller
class AuditLogController {

  static final int PAGE = 100;

  /** Most entries one CSV holds; a narrower filter gets the rest. */
  static final int EXPORT_LIMIT = 100_000;

  private static final List<String> FILTERS =
      List.of(
          "subjectType",
          "subjectId",
          "actor",
          "from-day",
          "from-month",
          "from-year",
          "to-day",
          "to-month",
          "to-year");

  private final AuditLog audit;
  private final ZoneId zone;

  AuditLogController(AuditLog audit, SystemProperties system) {
    this.audit = audit;
    this.zone = system.zone();
  }

  @GetMapping("/admin/audit")
  @PreAuthorize("hasAuthority('AUDIT_READ')")
  String read(@RequestParam MultiValueMap<String, String> params, Model model) {
    Errors errors = new Errors();
    AuditQuery query = query(params, errors, PAGE);
    List<Entry> entries = errors.isEmpty() ? audit.read(query) : List.of();
    model.addAttribute("entries", entries);
    model.addAttribute("next", entries.size() == PAGE ? entries.get(PAGE - 1).id() : null);
    model.addAttribute("form", params);
    model.addAttribute("errors", errors.asMap());
    model.addAttribute("filters", filters(params));
    return "audit/audit-log";
  }

  /**
   * The filtered entries as CSV, newest first, read a page at a time so that a large export does
   * not sit in memory. The export is itself an audit entry: it holds who looked at whom.
   */
  @GetMapping("/admin/audit/export")
  @PreAuthorize("hasAuthority('AUDIT_READ')")
  String export(
      @RequestParam MultiValueMap<String, String> params, Model model, HttpServletResponse response)
      throws IOException {
    Errors errors = new Errors();
    AuditQuery query = query(params, errors, 1000);
    if (!errors.isEmpty()) {
      return read(params, model);
    }
    audit.record(AuditAction.EXPORT, "audit", "log", "CSV of " + describe(query));
    response.setContentType("text/csv;charset=UTF-8");
    response.setHeader("Content-Disposition", "attachment; filename=\"audit-log.csv\"");
    CSVPrinter out = CsvCells.printer(response.getWriter());
    out.printRecord(
        "id", "at_utc", "actor", "action", "subject_type", "subject_id", "detail", "from");
    int written = 0;
    List<Entry> page = audit.read(query);
    while (!page.isEmpty() && written < EXPORT_LIMIT) {
      for (Entry e : page) {
        out.printRecord(
            Long.toString(e.id()),
            e.at().toString(),
            CsvCells.text(e.actor()),
            e.action().name(),
            CsvCells.text(e.subjectType()),
            CsvCells.text(e.subjectId()),
            CsvCells.text(e.detail()),
            CsvCells.text(e.remoteAddress()));
      }
      written += page.size();
      page =
          page.size() < query.limit()
              ? List.of()
              : audit.read(withBefore(query, page.get(page.size() - 1).id()));
    }
    out.flush();
    return null;
  }

  private AuditQuery query(MultiValueMap<String, String> params, Errors errors, int limit) {
    LocalDate from = DateInputs.read(params, "from", "The 'from' date must be a real date", errors);
    LocalDate to = DateInputs.read(params, "to", "The 'to' date must be a real date", errors);
    if (from != null && to != null && to.isBefore(from)) {
      errors.reject("to", "The 'to' date must be the same as or after the 'from' date");
    }
    return new AuditQuery(
        Inputs.stripped(params.getFirst("subjectType")),
        Inputs.stripped(params.getFirst("subjectId")),
        Inputs.stripped(params.getFirst("actor")),
        from == null ? null : from.atStartOfDay(zone).toInstant(),
        to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant(),
        before(params.getFirst("before")),
        limit);
  }

  /** The filters given, as a query string ending '&' (or empty), for the next page and export. */
  private static String filters(MultiValueMap<String, String> params) {
    StringBuilder query = new StringBuilder();
    for (String name : FILTERS) {
      String value = params.getFirst(name);
      if (value != null && !value.isBlank()) {
        query.append(name).append('=');
        query.append(URLEncoder.encode(value.trim(), StandardCharsets.UTF_8)).append('&');
      }
    }
    return query.toString();
  }

  private static AuditQuery withBefore(AuditQuery q, long id) {
    return new AuditQuery(
        q.subjectType(), q.subjectId(), q.actor(), q.from(), q.to(), id, q.limit());
  }

  private static String describe(AuditQuery q) {
    return "subject type "
        + q.subjectType()
        + ", subject "
        + q.subjectId()
        + ", actor "
        + q.actor()
        + ", from "
        + q.from()
        + ", to "
        + q.to();
  }

  private static Long before(String s) {
    try {
      return s == null || s.isBlank() ? null : Long.valueOf(s.trim());
    } catch (NumberFormatException e) {
      return null; // a hand-made link: start from the newest
    }
  }
}
