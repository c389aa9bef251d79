// SPDX-License-Identifier: AGPL-3.0-or-later
/**
 * The append-only audit log: who viewed or changed a resident's or a case's personal data, what,
 * when and from where. Modules record through {@link org.borough.audit.AuditLog}; admins read it.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Audit",
    allowedDependencies = {"system"})
package org.borough.audit;
