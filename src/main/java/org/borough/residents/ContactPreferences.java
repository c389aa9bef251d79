// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.residents;

/**
 * How a resident wants to hear about changes to their reports. Each update goes once: by email when
 * they have an email address and want emails, otherwise by text when they have a UK mobile and want
 * texts. The "report received" confirmation is not an update: it is always sent.
 *
 * @param emailUpdates updates by email
 * @param textUpdates updates by text message
 */
public record ContactPreferences(boolean emailUpdates, boolean textUpdates) {

  /** What every resident has until they say otherwise. */
  public static final ContactPreferences DEFAULT = new ContactPreferences(true, true);
}
