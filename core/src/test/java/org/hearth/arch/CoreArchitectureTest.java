package org.hearth.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Rule 1 of the design: core never depends on JavaFX. */
class CoreArchitectureTest {

    private final JavaClasses core = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.hearth");

    @Test
    void coreHasNoJavaFxDependency() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("javafx..", "com.sun.javafx..")
                .because("core must stay UI-free so the CLI and headless provider run without JavaFX")
                .check(core);
    }

    @Test
    void coreDoesNotDependOnTheApp() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.hearth.app..").check(core);
    }
}
