// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.audit.web;

import org.borough.audit.AuditAction;
import org.borough.audit.AuditLog;
import org.borough.audit.internal.AuditChain;
import org.borough.audit.internal.AuditVerification;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Proof that the audit log was not altered: {@code GET /api/v1/audit/verify} for a DPO's or an
 * auditor's script, and the same walk as a page for an administrator. Each check is itself an audit
 * entry, so the log shows who looked and what they were told.
 */
@Controller
class AuditVerifyController {

  private final AuditChain chain;
  private final AuditLog audit;

  AuditVerifyController(AuditChain chain, AuditLog audit) {
    this.chain = chain;
    this.audit = audit;
  }

  @GetMapping("/api/v1/audit/verify")
  @PreAuthorize("hasAuthority('AUDIT_READ')")
  @ResponseBody
  AuditVerification api() {
    return verify();
  }

  @GetMapping("/admin/audit/verify")
  @PreAuthorize("hasAuthority('AUDIT_READ')")
  String page(Model model) {
    model.addAttribute("result", verify());
    return "audit/audit-verify";
  }

  private AuditVerification verify() {
    AuditVerification result = chain.verify();
    audit.record(
        AuditAction.VIEW,
        "audit",
        "chain",
        result.verified()
            ? "verified " + result.entries() + " entries: unaltered"
            : "verified: broken at entry " + result.firstBrokenEntry() + ", " + result.problem());
    return result;
  }
}
