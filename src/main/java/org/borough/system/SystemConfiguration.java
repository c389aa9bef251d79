// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.system;

import java.nio.file.Files;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SystemConfiguration {

  private static final Logger log = LoggerFactory.getLogger(SystemConfiguration.class);

  @Bean
  @ConditionalOnMissingBean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  WorkingCalendar workingCalendar(SystemProperties properties) {
    Set<LocalDate> holidays;
    java.nio.file.Path uploaded = BankHolidays.uploadedFile(properties.dataDir());
    if (properties.bankHolidaysFile() != null && Files.exists(properties.bankHolidaysFile())) {
      holidays = BankHolidays.fromFile(properties.bankHolidaysFile());
      log.info("Bank holidays read from {}", properties.bankHolidaysFile());
    } else if (Files.exists(uploaded)) {
      holidays = BankHolidays.fromFile(uploaded);
      log.info("Bank holidays read from the list an admin loaded, {}", uploaded);
    } else {
      holidays = BankHolidays.bundled();
    }
    return new WorkingCalendar(
        holidays, properties.zone(), properties.workingDayStart(), properties.workingDayEnd());
  }
}
