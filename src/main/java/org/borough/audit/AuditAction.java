// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.audit;

public enum AuditAction {
  VIEW,
  SEARCH,
  CREATE,
  UPDATE,
  MERGE,
  EXPORT,
  DELETE
}
