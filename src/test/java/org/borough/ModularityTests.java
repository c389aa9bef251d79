// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import java.nio.file.Path;
import org.borough.support.GeneratedDocs;
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
  void theCommittedModuleDiagramsAreTheCurrentOnes() throws java.io.IOException {
    Path generated = GeneratedDocs.TARGET.resolve("modules");
    org.springframework.util.FileSystemUtils.deleteRecursively(generated);
    new Documenter(modules, Documenter.Options.defaults().withOutputFolder(generated.toString()))
        .writeModulesAsPlantUml()
        .writeIndividualModulesAsPlantUml()
        .writeModuleCanvases();
    GeneratedDocs.checkFolder(
        Path.of("docs", "modules"), generated, "./mvnw test -Dtest=ModularityTests");
  }
}
