// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.system;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import java.util.UUID;

/**
 * Ids for the records written most (cases, contacts, residents): version 7 UUIDs, whose first 48
 * bits are the time in milliseconds and the rest random (74 bits). An index on a random id takes
 * each new row at a random page, and at millions of rows those pages are mostly not in memory: a
 * case is keyed by its id in five indexes. Ids that grow with time are added where the newest are.
 * They are no easier to guess than a reference, which a page already shows.
 */
public final class Ids {

  private static final TimeBasedEpochGenerator GENERATOR = Generators.timeBasedEpochGenerator();

  private Ids() {}

  /** A new id, in the order of time to the millisecond. */
  public static UUID next() {
    return GENERATOR.generate();
  }
}
