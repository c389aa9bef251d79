// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.system;

import java.nio.file.Path;

/**
 * An administrator took an online backup of the embedded database: a file holding every resident.
 * Published while the administrator's request is running, so that the audit log, which listens,
 * records who took it. (The audit module uses the system module, so the system module tells it by
 * this event rather than calling it.)
 */
public record BackupTaken(Path file) {}
