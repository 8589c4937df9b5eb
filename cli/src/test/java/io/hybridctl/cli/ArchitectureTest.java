package io.hybridctl.cli;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.hybridctl.plan.intent.Intents;
import io.hybridctl.plan.ipam.Allocations;
import io.hybridctl.plan.ipam.LockFileCodec;
import io.hybridctl.plan.ipam.PodBlockAllocator;
import io.hybridctl.spec.model.HybridCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Locale;
import java.util.Optional;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Dependencies follow the data flow and point one way: net <- spec <- capabilities <- cli. netmodel knows nothing of
 * EKS (it depends on net only) and only verify uses it; no capability reaches into the CLI; inside a module, packages
 * form no cycle; one derivation of a design (plan's), and exit codes are chosen by the CLI alone.
 */
class ArchitectureTest {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("-tests.jar"))   // other modules' test-jars on cli's test path
            .importPackages("io.hybridctl");

    @Test
    void modulesDependOneWay() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("net").definedBy("io.hybridctl.net..")
                .layer("spec").definedBy("io.hybridctl.spec..")
                .layer("pki").definedBy("io.hybridctl.pki..")
                .layer("plan").definedBy("io.hybridctl.plan..")
                .layer("netmodel").definedBy("io.hybridctl.netmodel..")
                .layer("verify").definedBy("io.hybridctl.verify..")
                .layer("lab").definedBy("io.hybridctl.lab..")
                .layer("fleet").definedBy("io.hybridctl.fleet..")
                .layer("aws").definedBy("io.hybridctl.aws..")
                .layer("cli").definedBy("io.hybridctl.cli..")
                .whereLayer("cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("lab").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("fleet").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("aws").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("verify").mayOnlyBeAccessedByLayers("lab", "cli")
                .whereLayer("netmodel").mayOnlyBeAccessedByLayers("verify")
                .whereLayer("plan").mayOnlyBeAccessedByLayers("verify", "lab", "fleet", "aws", "cli")
                .whereLayer("pki").mayOnlyBeAccessedByLayers("fleet", "cli")
                .whereLayer("spec").mayOnlyBeAccessedByLayers("pki", "plan", "verify", "lab", "fleet", "aws", "cli")
                .whereLayer("net").mayOnlyBeAccessedByLayers("spec", "pki", "plan", "netmodel", "verify", "lab", "fleet", "aws", "cli")
                .check(CLASSES);
    }

    @Test
    void netmodelIsFreeOfEksSpecifics() {
        noClasses().that().resideInAPackage("io.hybridctl.netmodel..")
                .should().dependOnClassesThat().resideInAnyPackage("io.hybridctl.spec..", "io.hybridctl.plan..")
                .check(CLASSES);
    }

    @Test
    void noGrabBagPackages() {
        noClasses().should().resideInAnyPackage("..util..", "..utils..", "..common..", "..helpers..").check(CLASSES);
    }

    @Test
    void fleetKeepsHttpAtTheEdge() {
        noClasses().that().resideInAnyPackage("io.hybridctl.fleet.service..", "io.hybridctl.fleet.store..", "io.hybridctl.fleet.bootstrap..")
                .should().dependOnClassesThat().resideInAnyPackage("io.hybridctl.fleet.server..", "io.javalin..")
                .check(CLASSES);
        noClasses().that().resideInAnyPackage("io.hybridctl.fleet.agent..", "io.hybridctl.fleet.client..")
                .should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "io.hybridctl.fleet.server..")
                .check(CLASSES);
    }

    @Test
    void thereIsNoSecondCertificateAuthorityOutsidePki() {
        noClasses().that().resideOutsideOfPackage("io.hybridctl.pki..")
                .should().dependOnClassesThat().haveFullyQualifiedName("org.bouncycastle.cert.X509v3CertificateBuilder")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.bouncycastle.cert.X509v2CRLBuilder")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.bouncycastle.openssl.jcajce.JcaPEMWriter")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder")
                .check(CLASSES);
    }

    // fleet is left out until its server <-> ui cycle is broken (the fleet's own restructuring).
    @ParameterizedTest
    @ValueSource(strings = {"net", "spec", "pki", "plan", "netmodel", "verify", "lab", "aws", "cli"})
    void packagesOfAModuleFormNoCycle(String module) {
        slices().matching("io.hybridctl." + module + ".(*)..").should().beFreeOfCycles().allowEmptyShould(true).check(CLASSES);
    }

    /** Pod blocks are allocated once, by plan.design.Designer; everyone else asks it for the design. */
    @Test
    void onlyPlansDerivationAllocates() {
        noClasses().that().resideOutsideOfPackages("io.hybridctl.plan.design..", "io.hybridctl.plan.ipam..")
                .should().dependOnClassesThat().belongToAnyOf(PodBlockAllocator.class)
                .because("pod blocks are allocated once, by plan.design.Designer").check(CLASSES);
    }

    @Test
    void onlyPlansDerivationDerivesTheIntent() {
        noClasses().that().resideOutsideOfPackages("io.hybridctl.plan.design..", "io.hybridctl.plan.intent..")
                .should().callMethod(Intents.class, "derive", HybridCluster.class, Allocations.class)
                .because("the intent is derived once, by plan.design.Designer").check(CLASSES);
    }

    @Test
    void onlyPlanReadsTheLock() {
        noClasses().that().resideOutsideOfPackages("io.hybridctl.plan..")
                .should().callMethodWhere(named(LockFileCodec.class, "read"))
                .because("only plan reads hybridctl.lock (Designer, and PlanSources for plan itself)").check(CLASSES);
    }

    /** Libraries say what went wrong (PkiException.Kind, LabException.Kind); the CLI alone picks the exit code. */
    @Test
    void noExitCodeInALibraryException() {
        classes().that(areThrowables()).and().resideOutsideOfPackage("io.hybridctl.cli..")
                .should(haveNoIntExitCode()).check(CLASSES);
    }

    /**
     * By the superclass chain: the JDK's classes are not imported, so the chain ends at the first of them, which is
     * then loaded to ask whether it is a Throwable.
     */
    private static DescribedPredicate<JavaClass> areThrowables() {
        return DescribedPredicate.describe("are throwables", c -> {
            for (Optional<JavaClass> s = Optional.of(c); s.isPresent(); s = s.get().getRawSuperclass()) {
                if (s.get().getName().startsWith("java.")) {
                    try {
                        return Throwable.class.isAssignableFrom(Class.forName(s.get().getName()));
                    } catch (ClassNotFoundException e) {
                        return false;
                    }
                }
            }
            return false;
        });
    }

    private static DescribedPredicate<JavaMethodCall> named(Class<?> owner, String method) {
        return DescribedPredicate.describe(owner.getSimpleName() + "." + method,
                call -> call.getTargetOwner().isEquivalentTo(owner) && call.getName().equals(method));
    }

    private static ArchCondition<JavaClass> haveNoIntExitCode() {
        return new ArchCondition<>("have no int field or accessor named for an exit code") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                for (JavaField f : c.getFields()) {
                    if (f.getRawType().isEquivalentTo(int.class) && f.getName().toLowerCase(Locale.ROOT).contains("exit")) {
                        events.add(SimpleConditionEvent.violated(c, c.getName() + " has an int exit code field " + f.getName()));
                    }
                }
                c.getMethods().stream().filter(m -> m.getRawReturnType().isEquivalentTo(int.class)
                                && m.getName().toLowerCase(Locale.ROOT).contains("exit"))
                        .forEach(m -> events.add(SimpleConditionEvent.violated(c, c.getName() + " has an int exit code accessor " + m.getName())));
            }
        };
    }
}
