// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;

/** The mail settings as application.yml gives them: STARTTLS required unless turned off. */
class MailSettingsTests {

  private static final String REQUIRED = "spring.mail.properties[mail.smtp.starttls.required]";
  private static final String ENABLED = "spring.mail.properties[mail.smtp.starttls.enable]";

  @Test
  void startTlsIsRequiredByDefault() throws IOException {
    StandardEnvironment env = environment(Map.of());
    assertThat(env.getProperty(ENABLED)).isEqualTo("true");
    assertThat(env.getProperty(REQUIRED)).isEqualTo("true");
  }

  @Test
  void boroughMailStartTlsFalseTurnsItOff() throws IOException {
    StandardEnvironment env = environment(Map.of("BOROUGH_MAIL_STARTTLS", "false"));
    assertThat(env.getProperty(ENABLED)).isEqualTo("false");
    assertThat(env.getProperty(REQUIRED)).isEqualTo("false");
  }

  /** application.yml under an environment of only {@code variables}. */
  private static StandardEnvironment environment(Map<String, Object> variables) throws IOException {
    StandardEnvironment env = new StandardEnvironment();
    env.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
    env.getPropertySources().addLast(new SystemEnvironmentPropertySource("variables", variables));
    new YamlPropertySourceLoader()
        .load("application.yml", new ClassPathResource("application.yml"))
        .forEach(source -> env.getPropertySources().addLast(source));
    return env;
  }
}
