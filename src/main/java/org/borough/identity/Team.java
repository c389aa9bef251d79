// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.identity;

/** A back-office or contact-centre team; each has a queue of cases. */
public record Team(TeamId id, String code, String name, String email) {}
