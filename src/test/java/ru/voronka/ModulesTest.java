package ru.voronka;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The module boundaries, kept by a test: every top-level package is a module, reached only through
 * its root package (and the named interfaces it declares), with no cycles. The module canvases and
 * diagrams in docs/modules are written from the code by the same run.
 */
class ModulesTest {

  static final ApplicationModules MODULES = ApplicationModules.of(VoronkaApplication.class);

  @Test
  void modulesKeepTheirBoundaries() {
    MODULES.verify();
  }

  @Test
  void theModulesAreDocumentedFromTheCode() {
    // without clean: docs/modules/README.md, how to read the canvases, is written by hand
    new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("docs/modules").withoutClean())
        .writeModulesAsPlantUml()
        .writeIndividualModulesAsPlantUml()
        .writeModuleCanvases()
        .writeAggregatingDocument();
  }
}
