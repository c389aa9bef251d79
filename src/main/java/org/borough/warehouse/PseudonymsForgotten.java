// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.warehouse;

/**
 * The loader has forgotten erased residents' pseudonyms in the warehouse; copies made before (the
 * Parquet export) still hold them and must be made again.
 */
record PseudonymsForgotten(int residents) {}
