// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.system.web;

import org.borough.system.outbox.OutboxStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The outbox's health for the council's ops team: how big it is, how far behind each reader is
 * (notifications, each node's warehouse) and what pruning has removed. A reader far behind is the
 * first sign that residents are not being told or the dashboards are stale.
 */
@Controller
class OutboxController {

  private final OutboxStatus status;

  OutboxController(OutboxStatus status) {
    this.status = status;
  }

  @GetMapping("/admin/outbox")
  @PreAuthorize("hasAuthority('STAFF_ADMIN')")
  String page(Model model) {
    model.addAttribute("outbox", status.summary());
    return "admin/outbox";
  }

  @GetMapping("/api/v1/admin/outbox")
  @PreAuthorize("hasAuthority('STAFF_ADMIN')")
  @ResponseBody
  OutboxStatus.Summary api() {
    return status.summary();
  }
}
