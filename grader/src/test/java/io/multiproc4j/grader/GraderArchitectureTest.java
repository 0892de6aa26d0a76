package io.multiproc4j.grader;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The grader grades any implementation through the api and the kit, and never uses one's classes. */
class GraderArchitectureTest {

    private static final JavaClasses GRADER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.multiproc4j.grader");

    @Test
    void theGraderUsesTheApiAndTheKitOnly() {
        classes().that().resideInAPackage("io.multiproc4j.grader..")
                .should().onlyDependOnClassesThat(resideOutsideOfPackage("io.multiproc4j..").or(resideInAnyPackage(
                        "io.multiproc4j", "io.multiproc4j.spi", "io.multiproc4j.tck..", "io.multiproc4j.grader..")))
                .because("the grader must grade any implementation, through the api and the kit as published")
                .check(GRADER);
    }

    @Test
    void onlyTheCommandIsOutsideTheInternalPackages() {
        noClasses().that().resideInAPackage("io.multiproc4j.grader").and().doNotHaveSimpleName("Grade")
                .should().bePublic()
                .check(GRADER);
    }
}
