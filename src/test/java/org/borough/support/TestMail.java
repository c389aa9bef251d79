// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A real SMTP server (GreenMail) for the whole test JVM, on a free port: the application sends to
 * it through Spring Mail as it would to the council's, and tests read what arrived.
 */
public final class TestMail {

  private static GreenMail server;
  private static int port;

  private TestMail() {}

  public static synchronized int port() {
    if (server == null) {
      server = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
      server.start();
      port = server.getSmtp().getPort();
    }
    return port;
  }

  /** Takes the server down, so that sending fails until {@link #restart()}. */
  public static synchronized void stop() {
    port();
    server.stop();
  }

  /** Brings the server back on the same port. */
  public static synchronized void restart() {
    server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    server.start();
  }

  /** A message as a test reads it. */
  public record Mail(String to, String subject, String body) {}

  /** Every message that arrived for {@code address}, oldest first. */
  public static synchronized List<Mail> to(String address) {
    port();
    List<Mail> mails = new ArrayList<>();
    try {
      for (MimeMessage m : server.getReceivedMessages()) {
        for (Address a : m.getAllRecipients()) {
          if (a.toString().equalsIgnoreCase(address)) {
            mails.add(new Mail(address, m.getSubject(), String.valueOf(m.getContent()).trim()));
          }
        }
      }
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return mails;
  }

  /** Every message that arrived for {@code address} as it arrived, headers and all. */
  public static synchronized List<MimeMessage> raw(String address) {
    port();
    List<MimeMessage> found = new ArrayList<>();
    try {
      for (MimeMessage m : server.getReceivedMessages()) {
        for (Address a : m.getAllRecipients()) {
          if (a.toString().equalsIgnoreCase(address)) {
            found.add(m);
          }
        }
      }
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
    return found;
  }

  /** Waits (up to {@code within}) until {@code count} messages have arrived for the address. */
  public static List<Mail> await(String address, int count, Duration within) {
    long end = System.nanoTime() + within.toNanos();
    List<Mail> mails = to(address);
    while (mails.size() < count && System.nanoTime() < end) {
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      mails = to(address);
    }
    return mails;
  }

  /**
   * The body of the first message for the address that contains {@code text}, waiting (up to {@code
   * within}) for it to arrive.
   */
  public static String containing(String address, String text, Duration within) {
    long end = System.nanoTime() + within.toNanos();
    do {
      for (Mail m : to(address)) {
        if (m.body().contains(text)) {
          return m.body();
        }
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    } while (System.nanoTime() < end);
    throw new AssertionError("No email to " + address + " said: " + text);
  }
}
