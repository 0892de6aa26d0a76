package io.multiproc4j.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module rules of DESIGN.md, checked on the compiled classes of every module. This lives in the docs module
 * because it is the one module that has all the others on its test class path.
 */
class ArchitectureTest {

    /** Packages of the api module. */
    private static final String[] API = {"io.multiproc4j", "io.multiproc4j.spi..", "io.multiproc4j.internal.."};
    /** Root packages of the implementations. */
    private static final String[] IMPLEMENTATIONS = {"io.multiproc4j.processbuilder..", "io.multiproc4j.nativeos.."};

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.multiproc4j");
    }

    @Test
    void everyModuleIsChecked() {
        for (String name : new String[] {"io.multiproc4j.MpProcess", "io.multiproc4j.spi.StandardContext",
                "io.multiproc4j.processbuilder.internal.PbLauncher",
                "io.multiproc4j.nativeos.internal.launch.NativeLauncher", "io.multiproc4j.tck.ProcessVerification",
                "io.multiproc4j.examples.DanceAndSing"}) {
            org.assertj.core.api.Assertions.assertThat(classes.contain(name)).as("%s imported", name).isTrue();
        }
    }

    @Test
    void apiDependsOnNothingButTheJdk() {
        noClasses().that().resideInAnyPackage(API)
                .should().dependOnClassesThat().resideOutsideOfPackages(concat(API, "java..", "javax.."))
                .because("the api is the contract every implementation and the kit compile against, on Java 17")
                .check(classes);
    }

    @Test
    void anImplementationNeverUsesAnotherImplementationOrTheKit() {
        noClasses().that().resideInAPackage("io.multiproc4j.processbuilder..")
                .should().dependOnClassesThat().resideInAnyPackage("io.multiproc4j.nativeos..",
                        "io.multiproc4j.tck..", "io.multiproc4j.examples..")
                .check(classes);
        noClasses().that().resideInAPackage("io.multiproc4j.nativeos..")
                .should().dependOnClassesThat().resideInAnyPackage("io.multiproc4j.processbuilder..",
                        "io.multiproc4j.tck..", "io.multiproc4j.examples..")
                .check(classes);
    }

    @Test
    void theKitNeverUsesAnImplementation() {
        noClasses().that().resideInAPackage("io.multiproc4j.tck..")
                .should().dependOnClassesThat().resideInAnyPackage(IMPLEMENTATIONS)
                .because("the kit must run unmodified against any implementation")
                .check(classes);
    }

    @Test
    void theExamplesUseTheApiOnly() {
        noClasses().that().resideInAPackage("io.multiproc4j.examples..")
                .should().dependOnClassesThat().resideInAnyPackage(concat(IMPLEMENTATIONS, "io.multiproc4j.tck..",
                        "io.multiproc4j.spi..", "io.multiproc4j.internal.."))
                .because("users program against the api; the implementation is chosen at run time")
                .check(classes);
    }

    @Test
    void nothingUsesAnotherModulesInternalPackage() {
        noClasses().that().resideOutsideOfPackages(API)
                .should().dependOnClassesThat().resideInAPackage("io.multiproc4j.internal..")
                .check(classes);
        noClasses().that().resideOutsideOfPackage("io.multiproc4j.processbuilder..")
                .should().dependOnClassesThat().resideInAPackage("io.multiproc4j.processbuilder.internal..")
                .check(classes);
        noClasses().that().resideOutsideOfPackage("io.multiproc4j.nativeos..")
                .should().dependOnClassesThat().resideInAPackage("io.multiproc4j.nativeos.internal..")
                .check(classes);
    }

    @Test
    void noPublicTypeSharesItsSimpleNameWithAJavaLangType() {
        classes.stream()
                .filter(c -> c.getModifiers().contains(com.tngtech.archunit.core.domain.JavaModifier.PUBLIC))
                .filter(c -> c.getPackageName().startsWith("io.multiproc4j"))
                .forEach(c -> org.assertj.core.api.Assertions.assertThat(existsInJavaLang(c.getSimpleName()))
                        .as("public type %s shares its simple name with java.lang.%s", c.getName(), c.getSimpleName())
                        .isFalse());
    }

    private static boolean existsInJavaLang(String simpleName) {
        try {
            Class.forName("java.lang." + simpleName, false, ClassLoader.getPlatformClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static String[] concat(String[] a, String... b) {
        String[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
