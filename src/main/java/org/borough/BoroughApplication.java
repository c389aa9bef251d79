// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Borough: resident CRM, data warehouse and governance record for a UK council. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class BoroughApplication {

  public static void main(String[] args) {
    SpringApplication.run(BoroughApplication.class, args);
  }
}
