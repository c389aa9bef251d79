// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.governance;

/** A choice with the words pages show for it, like "Business as usual". */
public interface Labelled {
  String label();
}
