// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.mailboxes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** Mailboxes as a council configures them, by environment variables. */
class MailboxSettingsTests {

  @Test
  void eachMailboxIsNamedByItsVariablesWithImapsAndTheInboxByDefault() {
    MailboxSettings settings =
        settings(
            Map.of(
                "BOROUGH_MAILBOX_CONTACT_HOST", "imap.council.gov.uk",
                "BOROUGH_MAILBOX_CONTACT_USERNAME", "contact@council.gov.uk",
                "BOROUGH_MAILBOX_CONTACT_PASSWORD", "s3cret",
                "BOROUGH_MAILBOX_CONTACT_SERVICE", "general-enquiry",
                "BOROUGH_MAILBOX_COMPLAINTS_HOST", "imap.council.gov.uk",
                "BOROUGH_MAILBOX_COMPLAINTS_USERNAME", "complaints",
                "BOROUGH_MAILBOX_COMPLAINTS_PASSWORD", "s3cret",
                "BOROUGH_MAILBOX_COMPLAINTS_SERVICE", "complaint",
                "BOROUGH_MAILBOX_COMPLAINTS_ADDRESS", "Complaints@Council.gov.uk"));
    assertThat(settings.all()).containsOnlyKeys("complaints", "contact");
    Mailbox contact = settings.all().get("contact");
    assertThat(contact.protocol()).isEqualTo("imaps");
    assertThat(contact.portOrDefault()).isEqualTo(993);
    assertThat(contact.folder()).isEqualTo("INBOX");
    assertThat(contact.ownAddress()).isEqualTo("contact@council.gov.uk");
    assertThat(settings.all().get("complaints").ownAddress())
        .isEqualTo("complaints@council.gov.uk");
  }

  @Test
  void aMailboxMissingWhatItNeedsStopsBoroughNamingTheVariablesNotThePassword() {
    assertThatThrownBy(
            () ->
                settings(
                    Map.of(
                        "BOROUGH_MAILBOX_CONTACT_USERNAME", "contact",
                        "BOROUGH_MAILBOX_CONTACT_PASSWORD", "hunter2-secret",
                        "BOROUGH_MAILBOX_CONTACT_PROTOCOL", "pop3")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("BOROUGH_MAILBOX_CONTACT_HOST is not set")
        .hasMessageContaining("BOROUGH_MAILBOX_CONTACT_SERVICE")
        .hasMessageContaining("BOROUGH_MAILBOX_CONTACT_PROTOCOL is imaps or imap")
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void withoutMailboxesNothingIsRead() {
    assertThat(settings(Map.of()).all()).isEmpty();
  }

  private static MailboxSettings settings(Map<String, Object> variables) {
    StandardEnvironment env = new StandardEnvironment();
    env.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
    env.getPropertySources()
        .addLast(
            new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
    return new MailboxSettings(env);
  }
}
