// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.support;

import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * UK mobile numbers for tests that need a resident no other holds. Picked at random, two tests
 * sharing a database could draw the same number, and a lookup by phone then finds two residents: a
 * failure that comes and goes. Numbers come from one sequence for the whole run instead, each
 * checked unused in the database.
 */
public final class TestPhones {

  private static final AtomicInteger NEXT = new AtomicInteger((int) (System.nanoTime() % 50_000));

  private TestPhones() {}

  /** A mobile number, as a resident would type it, that no resident in the database holds. */
  public static String unused(JdbcClient jdbc) {
    for (int tries = 0; tries < 100_000; tries++) {
      String number = String.format("07700 9%05d", NEXT.getAndIncrement() % 100_000);
      String digits = number.replace(" ", "");
      long holders =
          jdbc.sql("select count(*) from resident_phone where replace(phone, ' ', '') in (?, ?)")
              .params(digits, "+44" + digits.substring(1))
              .query(Long.class)
              .single();
      if (holders == 0) {
        return number;
      }
    }
    throw new IllegalStateException("Every test mobile number is taken");
  }
}
