// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.mailboxes.web;

import org.borough.mailboxes.MailboxStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The mailboxes Borough reads, and how each is doing, for administrators. */
@Controller
class MailboxesController {

  private final MailboxStatus status;

  MailboxesController(MailboxStatus status) {
    this.status = status;
  }

  @GetMapping("/admin/mailboxes")
  @PreAuthorize("hasAuthority('STAFF_ADMIN')")
  String mailboxes(Model model) {
    model.addAttribute("mailboxes", status.all());
    return "admin/mailboxes";
  }
}
