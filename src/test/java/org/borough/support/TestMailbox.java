// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.support;

import com.icegreen.greenmail.imap.ImapHostManager;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Flags;
import jakarta.mail.internet.MimeMessage;
import java.util.List;

/**
 * The council's {@code contact@} mailbox for the tests: a real IMAP server (GreenMail, apart from
 * {@link TestMail}'s SMTP one) that Borough reads as it would the council's. Tests put emails in it
 * as if a resident had sent them.
 */
public final class TestMailbox {

  public static final String ADDRESS = "contact@test.example.gov.uk";
  public static final String USER = "contact";
  public static final String PASSWORD = "mailbox-password";

  private static GreenMail server;
  private static GreenMailUser user;

  private TestMailbox() {}

  public static synchronized int port() {
    if (server == null) {
      server = new GreenMail(ServerSetupTest.IMAP.dynamicPort());
      server.start();
      user = server.setUser(ADDRESS, USER, PASSWORD);
    }
    return server.getImap().getPort();
  }

  /** Puts an email in the mailbox, unread, as delivery by the council's mail server would. */
  public static void deliver(MimeMessage email) {
    port();
    user.deliver(email);
  }

  /** The emails in the mailbox's inbox, oldest first. */
  public static List<StoredMessage> inbox() {
    return folder().getMessages();
  }

  /** Marks every email unread again, as if Borough had died before marking them read. */
  public static void markAllUnread() {
    for (StoredMessage m : inbox()) {
      m.setFlag(Flags.Flag.SEEN, false);
    }
  }

  private static MailFolder folder() {
    port();
    ImapHostManager imap = server.getManagers().getImapHostManager();
    try {
      return imap.getInbox(user);
    } catch (FolderException e) {
      throw new IllegalStateException(e);
    }
  }
}
