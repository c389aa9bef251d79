// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.system;

import java.nio.file.Files;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import net.javacrumbs.shedlock.support.KeepAliveLockProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.task.ThreadPoolTaskSchedulerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;

@Configuration(proxyBeanMethods = false)
@EnableSchedulerLock(defaultLockAtMostFor = "PT30S")
class SystemConfiguration {

  private static final Logger log = LoggerFactory.getLogger(SystemConfiguration.class);

  @Bean
  @ConditionalOnMissingBean
  Clock clock() {
    return Clock.systemUTC();
  }

  /** Every pooled connection commits durably (see {@link DurableCommits}). */
  @Bean
  static DurableCommits durableCommits() {
    return new DurableCommits();
  }

  /**
   * Refuses to start on a database whose commits could be lost after Borough acknowledged them: the
   * first thing checked, before the portal or Open311 can hand out a reference.
   */
  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE)
  ApplicationRunner durableCommitsCheck(DataSource dataSource) {
    return args -> {
      if (!DurableCommits.verify(dataSource)) {
        throw new IllegalStateException(
            "The database acknowledges commits before they are durable (H2 WRITE_DELAY above 0 or"
                + " PostgreSQL synchronous_commit off): Borough would lose acknowledged writes");
      }
    };
  }

  /**
   * Where scheduled work that must run once across nodes takes its lock: the CRM's database, with
   * the database's clock, so nodes whose clocks disagree still agree on who holds it. Locks are
   * short (30 s) and kept alive while their work runs: a node killed while holding one (the fault
   * runs did this) used to stop every node's notifications for the ten minutes a long lock lasted.
   * Work under a lock claims its rows itself, so a lock that lapses under a paused node cannot send
   * anything twice.
   */
  @Bean
  LockProvider lockProvider(DataSource dataSource) {
    // Not a bean: Spring's scheduling would take any ScheduledExecutorService bean for its own.
    ScheduledExecutorService keepAlive =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "scheduler-lock-keep-alive");
              t.setDaemon(true);
              return t;
            });
    return new KeepAliveLockProvider(
        new JdbcTemplateLockProvider(
            JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .usingDbTime()
                .build()),
        keepAlive);
  }

  /**
   * Scheduled work that failed because the database could not be reached logs one line, not a stack
   * trace at every poll for as long as the outage lasts; it runs again at its next turn.
   */
  @Bean
  ThreadPoolTaskSchedulerCustomizer scheduledWorkThroughOutages() {
    return scheduler ->
        scheduler.setErrorHandler(
            e -> {
              if (DatabaseUnavailable.causedBy(e)) {
                log.warn(
                    "Scheduled work not done: the database could not be reached ({})",
                    DatabaseUnavailable.describe(e));
              } else {
                log.error("Scheduled work failed", e);
              }
            });
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
