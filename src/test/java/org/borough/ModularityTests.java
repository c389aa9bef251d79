// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import java.nio.file.Path;
import java.util.List;
import org.borough.support.GeneratedDocs;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.ApplicationModule;
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

  /**
   * verify() refuses a dependency a module has not declared only when the module declares them: a
   * module left open (the annotation's default) could grow any dependency unnoticed.
   */
  @Test
  void everyModuleDeclaresTheModulesItMayUse() {
    List<String> open =
        modules.stream()
            .filter(
                m -> declared(m.getBasePackage().getName()).contains(ApplicationModule.OPEN_TOKEN))
            .map(m -> m.getIdentifier().toString())
            .toList();
    assertThat(open).as("modules without allowedDependencies in their package-info").isEmpty();
  }

  private static List<String> declared(String basePackage) {
    try {
      ApplicationModule module =
          Class.forName(basePackage + ".package-info").getAnnotation(ApplicationModule.class);
      assertThat(module).as("@ApplicationModule on " + basePackage).isNotNull();
      return List.of(module.allowedDependencies());
    } catch (ClassNotFoundException e) {
      throw new AssertionError("no package-info.java in " + basePackage, e);
    }
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
