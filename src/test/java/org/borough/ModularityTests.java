// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The architecture is checked, not hoped: modules only use each other's public API. */
class ModularityTests {

  /** Tests may reach across modules (a merge test raises cases); only production code counts. */
  private static final DescribedPredicate<JavaClass> TEST_CLASSES =
      DescribedPredicate.describe(
          "test classes",
          c ->
              c.getSource().map(s -> s.getUri().toString().contains("test-classes")).orElse(false));

  private final ApplicationModules modules =
      ApplicationModules.of(BoroughApplication.class, TEST_CLASSES);

  @Test
  void modulesOnlyUseEachOthersPublicApiAndHaveNoCycles() {
    modules.verify();
  }

  @Test
  void writesTheModuleDiagramToDocs() {
    new Documenter(modules, Documenter.Options.defaults().withOutputFolder("docs/modules"))
        .writeModulesAsPlantUml()
        .writeIndividualModulesAsPlantUml()
        .writeModuleCanvases();
  }
}
