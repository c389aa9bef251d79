// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.audit.web;

import java.util.List;
import org.borough.audit.AuditLog;
import org.borough.audit.AuditLog.AuditQuery;
import org.borough.audit.AuditLog.Entry;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit log for admins: newest first, filtered by subject or actor, a page at a time. */
@Controller
class AuditLogController {

  static final int PAGE = 100;

  private final AuditLog audit;

  AuditLogController(AuditLog audit) {
    this.audit = audit;
  }

  @GetMapping("/admin/audit")
  @PreAuthorize("hasAuthority('AUDIT_READ')")
  String read(
      @RequestParam(required = false) String subjectType,
      @RequestParam(required = false) String subjectId,
      @RequestParam(required = false) String actor,
      @RequestParam(required = false) Long before,
      Model model) {
    List<Entry> entries =
        audit.read(
            new AuditQuery(blank(subjectType), blank(subjectId), blank(actor), before, PAGE));
    model.addAttribute("entries", entries);
    model.addAttribute("next", entries.size() == PAGE ? entries.get(PAGE - 1).id() : null);
    model.addAttribute("subjectType", subjectType);
    model.addAttribute("subjectId", subjectId);
    model.addAttribute("actor", actor);
    return "audit/audit-log";
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
