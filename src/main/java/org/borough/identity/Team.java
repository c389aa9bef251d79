// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.identity;

/**
 * A back-office or contact-centre team; each has a queue of cases. An inactive team is retired:
 * kept for the cases that name it, no longer offered for new work.
 *
 * @param version raised by every change to the team, so edits cannot overwrite each other unseen
 */
public record Team(TeamId id, String code, String name, String email, boolean active, int version) {

  public Team(TeamId id, String code, String name, String email, boolean active) {
    this(id, code, name, email, active, 0);
  }

  /** An active team. */
  public Team(TeamId id, String code, String name, String email) {
    this(id, code, name, email, true);
  }
}
