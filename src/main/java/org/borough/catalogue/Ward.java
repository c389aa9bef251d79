// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.catalogue;

/**
 * An electoral ward, identified by its ONS GSS code (E05… in England, W05… in Wales, S13… in
 * Scotland).
 */
public record Ward(String gssCode, String name) {}
