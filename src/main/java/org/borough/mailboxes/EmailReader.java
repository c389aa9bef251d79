// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.mailboxes;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;

/**
 * Reads a MIME email into an {@link InboundEmail}: who sent it, its words (the plain-text part, or
 * the text of the HTML when there is no plain one), its files, and whether a machine sent it.
 * Machines are recognised by the headers RFC 3834 and the common mail programs set, by delivery
 * reports, and by the senders that bounces come from; replying to them, or raising a case for them,
 * would start a mail loop.
 */
final class EmailReader {

  private static final Set<String> BULK = Set.of("bulk", "junk", "list", "auto_reply");
  private static final Set<String> BOUNCERS = Set.of("mailer-daemon", "postmaster");
  private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]{1,400}>");

  private EmailReader() {}

  /**
   * @param own the council's own addresses (the mailboxes' and Borough's sender), lower case: an
   *     email from one of them has come back round
   * @param maxAttachment bytes read of each file at most; a bigger one is kept as too big
   */
  static InboundEmail read(MimeMessage m, Set<String> own, long maxAttachment)
      throws MessagingException, IOException {
    InternetAddress from = sender(m);
    String address = from == null ? null : from.getAddress();
    String subject = m.getSubject() == null ? "" : m.getSubject().strip();
    Body body = new Body(maxAttachment);
    body.walk(m);
    String text = body.plain.length() > 0 ? body.plain.toString() : html(body.html.toString());
    return new InboundEmail(
        key(m, address, subject),
        address,
        from == null ? null : from.getPersonal(),
        subject,
        text.strip(),
        List.copyOf(body.files),
        automatic(m, address, own),
        messageId(m),
        answers(m));
  }

  private static String messageId(MimeMessage m) throws MessagingException {
    String id = m.getMessageID();
    return id == null || id.isBlank() || id.length() > 500 ? null : id.strip();
  }

  /** The ids in In-Reply-To and References, in that order: each is {@code <...>}. */
  private static List<String> answers(MimeMessage m) throws MessagingException {
    List<String> ids = new ArrayList<>();
    for (String header : new String[] {"In-Reply-To", "References"}) {
      String value = m.getHeader(header, " ");
      if (value != null) {
        Matcher found = MESSAGE_ID.matcher(value);
        while (found.find() && ids.size() < 50) {
          ids.add(found.group());
        }
      }
    }
    return List.copyOf(ids);
  }

  private static InternetAddress sender(MimeMessage m) throws MessagingException {
    Address[] from;
    try {
      from = m.getFrom();
    } catch (MessagingException unreadable) {
      return null;
    }
    return from != null && from.length > 0 && from[0] instanceof InternetAddress a ? a : null;
  }

  private static String key(MimeMessage m, String from, String subject) throws MessagingException {
    String id = m.getMessageID();
    if (id != null && !id.isBlank()) {
      return id.strip();
    }
    return "no-id|" + from + "|" + m.getHeader("Date", ",") + "|" + subject;
  }

  /** Why a machine sent it, or null. */
  static String automatic(MimeMessage m, String from, Set<String> own) throws MessagingException {
    String submitted = m.getHeader("Auto-Submitted", ",");
    if (submitted != null && !submitted.strip().equalsIgnoreCase("no")) {
      return "an automatic email (Auto-Submitted: " + submitted.strip() + ")";
    }
    if (m.getHeader("X-Autoreply") != null || m.getHeader("X-Autorespond") != null) {
      return "an automatic reply";
    }
    String precedence = m.getHeader("Precedence", ",");
    if (precedence != null && BULK.contains(precedence.strip().toLowerCase(Locale.ROOT))) {
      return "a bulk or list email (Precedence: " + precedence.strip() + ")";
    }
    if (m.isMimeType("multipart/report")) {
      return "a delivery or read report";
    }
    String returnPath = m.getHeader("Return-Path", ",");
    if (returnPath != null && returnPath.strip().equals("<>")) {
      return "a bounce (no return path)";
    }
    if (from == null) {
      return "no sender address";
    }
    String lower = from.toLowerCase(Locale.ROOT);
    int at = lower.indexOf('@');
    if (at > 0 && BOUNCERS.contains(lower.substring(0, at))) {
      return "a bounce (from " + lower.substring(0, at) + ")";
    }
    if (own.contains(lower)) {
      return "sent from the council's own address (a mail loop)";
    }
    return null;
  }

  private static String html(String html) {
    return html.isEmpty() ? "" : Jsoup.parse(html).wholeText().replaceAll("\n{3,}", "\n\n");
  }

  /** The text and files of an email, gathered part by part. */
  private static final class Body {
    final StringBuilder plain = new StringBuilder();
    final StringBuilder html = new StringBuilder();
    final List<InboundEmail.Attachment> files = new ArrayList<>();
    final long maxAttachment;

    Body(long maxAttachment) {
      this.maxAttachment = maxAttachment;
    }

    void walk(Part p) throws MessagingException, IOException {
      if (p.isMimeType("multipart/alternative")) {
        Multipart mp = (Multipart) p.getContent();
        Part chosen = null;
        for (int i = 0; i < mp.getCount(); i++) {
          BodyPart b = mp.getBodyPart(i);
          if (b.isMimeType("text/plain") || chosen == null) {
            chosen = b;
          }
        }
        if (chosen != null) {
          walk(chosen);
        }
      } else if (p.isMimeType("multipart/*")) {
        Multipart mp = (Multipart) p.getContent();
        for (int i = 0; i < mp.getCount(); i++) {
          walk(mp.getBodyPart(i));
        }
      } else if (isFile(p)) {
        files.add(file(p));
      } else if (p.isMimeType("text/plain")) {
        plain.append(p.getContent()).append('\n');
      } else if (p.isMimeType("text/html")) {
        html.append(p.getContent()).append('\n');
      }
      // Anything else inline (a calendar part, a signature) is not the resident's words.
    }

    private static boolean isFile(Part p) throws MessagingException {
      return Part.ATTACHMENT.equalsIgnoreCase(p.getDisposition())
          || (p.getFileName() != null && !p.isMimeType("text/*"));
    }

    private InboundEmail.Attachment file(Part p) throws MessagingException, IOException {
      String name = p.getFileName();
      try {
        name = name == null ? null : MimeUtility.decodeText(name);
      } catch (UnsupportedEncodingException e) {
        // keep it as written
      }
      try (InputStream in = p.getInputStream()) {
        byte[] bytes = in.readNBytes((int) Math.min(maxAttachment, Integer.MAX_VALUE - 8));
        long size = bytes.length;
        if (size == maxAttachment && in.read() >= 0) {
          size = maxAttachment + 1; // too big: the rest is not read
        }
        return new InboundEmail.Attachment(
            name == null || name.isBlank() ? "attachment" : name.strip(), bytes, size);
      }
    }
  }
}
