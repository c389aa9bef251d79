// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.warehouse;

import jakarta.annotation.PreDestroy;
import java.util.concurrent.ExecutorService;
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
 * older version of the model (an upgrade changed the schema): then it is rebuilt too. Any other
 * start checks, in the background, that the warehouse still agrees with the CRM ({@link
 * SelfRepair}).
 */
@Component
@Order(300)
class WarehouseStartup implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(WarehouseStartup.class);

  private final Warehouse warehouse;
  private final WarehouseProperties properties;
  private final SelfRepair repair;
  private final ExecutorService background = Warehouse.background("warehouse-self-repair");

  WarehouseStartup(Warehouse warehouse, WarehouseProperties properties, SelfRepair repair) {
    this.warehouse = warehouse;
    this.properties = properties;
    this.repair = repair;
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
    if (properties.rebuildWhenEmpty() && warehouse.neverReadFromCrm() && warehouse.crmHasData()) {
      log.info("The warehouse was never read from the CRM, which has data: rebuilding it");
      warehouse.startRebuild();
      return;
    }
    if (properties.enabled()) {
      background.execute(this::checkAgainstCrm);
    }
  }

  private void checkAgainstCrm() {
    try {
      repair.check();
    } catch (RuntimeException e) {
      log.error("Could not compare the warehouse with the CRM after start", e);
    }
  }

  @PreDestroy
  void stop() {
    background.shutdownNow();
  }
}
