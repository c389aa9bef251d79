// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.mailboxes;

import java.util.Locale;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * One council mailbox Borough reads, bound from {@code borough.mailbox.<name>.*} — so {@code
 * BOROUGH_MAILBOX_CONTACT_HOST} and friends for a mailbox named {@code contact}.
 *
 * @param host the IMAP server
 * @param port its port; 993 for IMAPS unless given
 * @param username the account
 * @param password its password
 * @param folder the folder read
 * @param protocol {@code imaps} (TLS, the default) or {@code imap} (plain: a server on the same
 *     host, or tests)
 * @param service the catalogue code of the service a new email's case is raised against: its team
 *     triages them
 * @param address the mailbox's own address, whose messages coming back are a loop; the username
 *     when it is an address
 */
record Mailbox(
    String host,
    Integer port,
    String username,
    String password,
    @DefaultValue("INBOX") String folder,
    @DefaultValue("imaps") String protocol,
    String service,
    String address) {

  int portOrDefault() {
    return port != null ? port : "imaps".equals(protocol) ? 993 : 143;
  }

  /** The mailbox's own address in lower case, or null when it has none. */
  String ownAddress() {
    String a = address != null && !address.isBlank() ? address : username;
    return a != null && a.contains("@") ? a.strip().toLowerCase(Locale.ROOT) : null;
  }
}
