// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.portal;

import org.borough.residents.ErasedEmails;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * An erased resident's sign-in links and report claims go with their addresses, in the erasure's
 * transaction: a link sent before the erasure cannot sign anyone in after it.
 */
@Component
class ErasedAddresses {

  private final JdbcClient jdbc;

  ErasedAddresses(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @EventListener
  void on(ErasedEmails erased) {
    for (String email : erased.emails()) {
      jdbc.sql("delete from portal_sign_in_link where email = ?").param(email).update();
      jdbc.sql("delete from portal_report_claim where email = ?").param(email).update();
    }
  }
}
