// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.governance;

/** A report or attachment published with a decision. */
public record DecisionDocument(String title, String url) {}
