// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.warehouse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * After start-up (and after the demo data, which is written without events), rebuilds from the CRM,
 * in the background, a warehouse that was never read from the CRM's state when the CRM has data, so
 * that a new install shows figures at once instead of only the changes made from now on. Once read,
 * a file is followed through the outbox and never rebuilt here again, unless it was made with an
 * older version of the model (an upgrade changed the schema): then it is rebuilt too.
 */
@Component
@Order(300)
class WarehouseStartup implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(WarehouseStartup.class);

  private final Warehouse warehouse;
  private final WarehouseProperties properties;

  WarehouseStartup(Warehouse warehouse, WarehouseProperties properties) {
    this.warehouse = warehouse;
    this.properties = properties;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (args.containsOption(WarehouseCommandLine.REBUILD)) {
      return;
    }
    if (warehouse.stale()) {
      if (properties.rebuildWhenEmpty()) {
        log.info("The warehouse file was made with another version of the model: rebuilding it");
        warehouse.startRebuild();
      } else {
        log.warn(
            "The warehouse file was made with another version of the model: nothing is loaded into"
                + " it until it is rebuilt (admin page or --warehouse.rebuild)");
      }
      return;
    }
    if (!properties.rebuildWhenEmpty()) {
      return;
    }
    if (warehouse.neverReadFromCrm() && warehouse.crmHasData()) {
      log.info("The warehouse was never read from the CRM, which has data: rebuilding it");
      warehouse.startRebuild();
    }
  }
}
