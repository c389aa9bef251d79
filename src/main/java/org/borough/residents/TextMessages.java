// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.residents;

/**
 * Whether Borough can send text messages: only through GOV.UK Notify, once it is configured with a
 * template for texts. Until then residents are not offered updates by text, rather than choose them
 * and hear nothing.
 */
public interface TextMessages {

  boolean available();
}
