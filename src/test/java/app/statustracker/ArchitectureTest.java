package app.statustracker;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package rules of docs/architecture.md, checked on the compiled product code (not the tests): no import cycle
 * between any two packages, the layers pointing one way (api → service → runtime → wa), the protocol library
 * free of Jakarta EE, and the few protocol value types the service layer may name.
 */
class ArchitectureTest {
    /** What {@code service} may use of {@code wa}: values that describe a post or a receipt, nothing that acts. */
    static final Set<String> WA_TYPES_FOR_SERVICE = Set.of(
            "app.statustracker.wa.binary.Jid",
            "app.statustracker.wa.media.MediaType",
            "app.statustracker.wa.status.LinkPreview",
            "app.statustracker.wa.status.MediaStatus",
            "app.statustracker.wa.status.PostedStatus",
            "app.statustracker.wa.status.PostedStatus$Recipient",
            "app.statustracker.wa.status.StatusReceipt",
            "app.statustracker.wa.status.StatusReceipt$Kind",
            "app.statustracker.wa.status.StatusRejectedException",
            "app.statustracker.wa.status.TextStatus");

    static JavaClasses product;

    @BeforeAll
    static void importProduct() {
        product = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("app.statustracker");
    }

    @Test
    void noTwoPackagesDependOnEachOther() {
        slices().matching("app.statustracker.(**)").should().beFreeOfCycles().check(product);
    }

    @Test
    void theProtocolLibraryIsPlainJava() {
        noClasses().that().resideInAPackage("app.statustracker.wa..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta..", "javax.persistence..")
                .orShould().dependOnClassesThat().resideInAnyPackage("app.statustracker.api..",
                        "app.statustracker.service..", "app.statustracker.runtime..", "app.statustracker.persistence..",
                        "app.statustracker.events..", "app.statustracker.config..", "app.statustracker.domain..",
                        "app.statustracker.launch..")
                .check(product);
    }

    @Test
    void layersPointOneWay() {
        noClasses().that().resideInAnyPackage("app.statustracker.service..", "app.statustracker.runtime..",
                        "app.statustracker.persistence..", "app.statustracker.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("app.statustracker.api..", "app.statustracker.events..")
                .check(product);
        noClasses().that().resideInAnyPackage("app.statustracker.runtime..")
                .should().dependOnClassesThat().resideInAnyPackage("app.statustracker.service..")
                .check(product);
        noClasses().that().resideInAnyPackage("app.statustracker.api..", "app.statustracker.events..")
                .should().dependOnClassesThat().resideInAnyPackage("app.statustracker.wa..")
                .check(product);
    }

    @Test
    void theServiceLayerNamesOnlyTheProtocolsValueTypes() {
        classes().that().resideInAnyPackage("app.statustracker.service..")
                .should(useOfTheProtocolLimitedTo(WA_TYPES_FOR_SERVICE))
                .check(product);
    }

    private static ArchCondition<JavaClass> useOfTheProtocolLimitedTo(Set<String> allowed) {
        return new ArchCondition<>("use app.statustracker.wa only through " + allowed) {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                item.getDirectDependenciesFromSelf().forEach(dependency -> {
                    String target = dependency.getTargetClass().getName();
                    if (target.startsWith("app.statustracker.wa.") && !allowed.contains(target)) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                });
            }
        };
    }
}
