// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.audit.internal;

import java.time.Instant;

/**
 * What a walk of the audit chain found.
 *
 * @param verified every sealed entry is as it was sealed, in its place, and every checkpoint is
 *     signed with this server's key
 * @param entries sealed entries checked (up to the first broken one)
 * @param checkpoints signed checkpoints checked
 * @param unsealed entries written since the walk began, sealed by the next run
 * @param firstBrokenEntry the audit entry id where the chain first breaks, or null
 * @param problem what is wrong there, in words, or null
 * @param checkedAt when the walk ended
 */
public record AuditVerification(
    boolean verified,
    long entries,
    long checkpoints,
    long unsealed,
    Long firstBrokenEntry,
    String problem,
    Instant checkedAt) {}
