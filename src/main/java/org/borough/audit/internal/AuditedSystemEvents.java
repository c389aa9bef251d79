// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.audit.internal;

import org.borough.audit.AuditAction;
import org.borough.audit.AuditLog;
import org.borough.system.BackupTaken;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Audit entries for what the system module does on a person's behalf. Listened to in the request's
 * own thread, so the entry names the person who asked.
 */
@Component
class AuditedSystemEvents {

  private final AuditLog audit;

  AuditedSystemEvents(AuditLog audit) {
    this.audit = audit;
  }

  @EventListener
  void on(BackupTaken backup) {
    audit.record(AuditAction.EXPORT, "database", "embedded", "online backup to " + backup.file());
  }
}
