// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.warehouse;

import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The data-quality page and its JSON, and the administration page that rebuilds the warehouse and
 * exports it to Parquet.
 */
@Controller
class WarehouseController {

  private final Warehouse warehouse;
  private final ParquetExports parquet;
  private final SelfRepair repair;

  WarehouseController(Warehouse warehouse, ParquetExports parquet, SelfRepair repair) {
    this.warehouse = warehouse;
    this.repair = repair;
    this.parquet = parquet;
  }

  private DataQualityReport report() {
    OutboxLoader.State state = warehouse.state();
    long outbox = warehouse.outboxPosition();
    return warehouse.read(
        c -> DataQualityReport.read(c, warehouse.asAt(), state, outbox, repair.notice()));
  }

  @GetMapping("/warehouse/data-quality")
  @PreAuthorize("hasAuthority('WAREHOUSE_READ')")
  String dataQuality(Model model) {
    model.addAttribute("report", report());
    return "warehouse/data-quality";
  }

  @GetMapping(value = "/api/v1/warehouse/data-quality", produces = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("hasAuthority('WAREHOUSE_READ')")
  @ResponseBody
  DataQualityReport dataQualityJson() {
    return report();
  }

  @GetMapping("/admin/warehouse")
  @PreAuthorize("hasAuthority('WAREHOUSE_ADMIN')")
  String admin(Model model) {
    RebuildProgress progress = warehouse.rebuildProgress();
    model.addAttribute("report", report());
    model.addAttribute("rebuild", progress);
    model.addAttribute("file", warehouse.file().toString());
    model.addAttribute("parquet", parquet.status());
    model.addAttribute("parquetLast", parquet.last());
    model.addAttribute("parquetDir", parquet.directory().toString());
    return "admin/warehouse";
  }

  @PostMapping("/admin/warehouse/parquet")
  @PreAuthorize("hasAuthority('WAREHOUSE_ADMIN')")
  String exportParquet(RedirectAttributes redirect, java.security.Principal user) {
    redirect.addFlashAttribute(
        "banner",
        parquet.start(user.getName())
            ? "Parquet export started"
            : "A Parquet export is already running");
    return "redirect:/admin/warehouse";
  }

  @PostMapping("/admin/warehouse/rebuild")
  @PreAuthorize("hasAuthority('WAREHOUSE_ADMIN')")
  String rebuild(RedirectAttributes redirect) {
    if (warehouse.startRebuild()) {
      redirect.addFlashAttribute("banner", "Rebuild started");
    } else {
      redirect.addFlashAttribute("banner", "A rebuild is already running");
    }
    return "redirect:/admin/warehouse";
  }
}
