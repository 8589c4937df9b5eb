package io.hybridctl.cli;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Dependencies follow the data flow and point one way: net <- spec <- capabilities <- cli. netmodel knows nothing of
 * EKS (it depends on net only), and no capability reaches into the CLI.
 */
class ArchitectureTest {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
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
}
