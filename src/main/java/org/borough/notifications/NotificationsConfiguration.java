// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.notifications;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class NotificationsConfiguration {

  /** Texts go to the log unless the council defines its own {@link SmsSender}. */
  @Bean
  @ConditionalOnMissingBean(SmsSender.class)
  SmsSender loggingSmsSender() {
    return new LoggingSmsSender();
  }
}
