// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.mailboxes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The mailboxes configured, by name. A map of records cannot be a {@code @ConfigurationProperties}
 * record of its own, so it is bound here; a mailbox missing what it needs stops Borough starting,
 * naming the variable (never the password).
 */
@Component
class MailboxSettings {

  private static final Pattern NAME = Pattern.compile("[a-z0-9-]{1,40}");

  private final Map<String, Mailbox> mailboxes;

  MailboxSettings(Environment environment) {
    Map<String, Mailbox> bound =
        Binder.get(environment)
            .bind("borough.mailbox", Bindable.mapOf(String.class, Mailbox.class))
            .orElse(Map.of());
    List<String> problems = new ArrayList<>();
    bound.forEach((name, box) -> problems.addAll(problems(name, box)));
    if (!problems.isEmpty()) {
      throw new IllegalStateException("Mailboxes: " + String.join("; ", problems));
    }
    this.mailboxes = new TreeMap<>(bound);
  }

  Map<String, Mailbox> all() {
    return mailboxes;
  }

  private static List<String> problems(String name, Mailbox box) {
    List<String> problems = new ArrayList<>();
    String variable = "BOROUGH_MAILBOX_" + name.toUpperCase().replace('-', '_') + "_";
    if (!NAME.matcher(name).matches()) {
      problems.add("a mailbox's name is 1 to 40 lower-case letters, digits or dashes: " + name);
      return problems;
    }
    if (box.host() == null || box.host().isBlank()) {
      problems.add(variable + "HOST is not set");
    }
    if (box.username() == null || box.username().isBlank()) {
      problems.add(variable + "USERNAME is not set");
    }
    if (box.password() == null || box.password().isEmpty()) {
      problems.add(variable + "PASSWORD is not set");
    }
    if (box.service() == null || box.service().isBlank()) {
      problems.add(variable + "SERVICE (the service new emails are raised against) is not set");
    }
    if (!Set.of("imaps", "imap").contains(box.protocol())) {
      problems.add(variable + "PROTOCOL is imaps or imap");
    }
    return problems;
  }
}
