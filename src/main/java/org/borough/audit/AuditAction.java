// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.audit;

public enum AuditAction {
  VIEW,
  SEARCH,
  CREATE,
  UPDATE,
  MERGE,
  EXPORT,
  DELETE,
  /** A member of staff signed in. */
  SIGN_IN,
  /** A sign-in was refused: wrong password, unknown username or deactivated account. */
  SIGN_IN_FAILED,
  /** A signed-in user or a token was refused a page, an API call or a service method. */
  ACCESS_DENIED
}
