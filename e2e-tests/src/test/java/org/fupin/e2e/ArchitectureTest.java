package org.fupin.e2e;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.transaction.Transactional;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** Rules every service follows, checked over the production classes of platform, contracts and all services. */
class ArchitectureTest {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.fupin.platform", "org.fupin.contracts", "org.fupin.household", "org.fupin.project",
                    "org.fupin.fund", "org.fupin.rectification", "org.fupin.reporting");

    static final DescribedPredicate<JavaMethodCall> SENDS_TO_KAFKA = DescribedPredicate.describe("a send to Kafka",
            call -> call.getName().startsWith("send") && (
                    call.getTargetOwner().isAssignableTo(org.apache.kafka.clients.producer.Producer.class)
                            || call.getTargetOwner().isAssignableTo(org.eclipse.microprofile.reactive.messaging.Emitter.class)
                            || call.getTargetOwner().getName().equals("io.smallrye.reactive.messaging.MutinyEmitter")));

    static final ArchCondition<JavaMethod> NOT_SEND_TO_KAFKA = new ArchCondition<>("not send to Kafka") {
        @Override
        public void check(JavaMethod method, ConditionEvents events) {
            method.getMethodCallsFromSelf().stream().filter(SENDS_TO_KAFKA)
                    .forEach(call -> events.add(SimpleConditionEvent.violated(method, call.getDescription())));
        }
    };

    @Test
    void classesWereImported() {
        org.junit.jupiter.api.Assertions.assertTrue(CLASSES.containPackage("org.fupin.household.service"));
        org.junit.jupiter.api.Assertions.assertTrue(CLASSES.containPackage("org.fupin.platform.outbox"));
    }

    @Test
    void noTransactionalMethodSendsToKafka() {
        methods().that().areAnnotatedWith(Transactional.class)
                .should(NOT_SEND_TO_KAFKA)
                .because("a send inside a database transaction loses or invents events; write to the outbox instead")
                .check(CLASSES);
        noClasses().that().areAnnotatedWith(Transactional.class)
                .should().callMethodWhere(SENDS_TO_KAFKA)
                .allowEmptyShould(true) // no class-level @Transactional today; the rule guards tomorrow's
                .check(CLASSES);
    }

    @Test
    void onlyTheOutboxRelaySendsToKafka() {
        // the one exception: the inbox moves a consumed poison record to its dead-letter topic (not an event of ours;
        // sent outside any transaction, before the batch's offsets are committed)
        noClasses().that().resideOutsideOfPackage("org.fupin.platform.outbox..")
                .and().doNotHaveFullyQualifiedName("org.fupin.platform.inbox.BatchInbox")
                .should().callMethodWhere(SENDS_TO_KAFKA)
                .because("services publish through the outbox only")
                .check(CLASSES);
        noClasses().that().resideOutsideOfPackage("org.fupin.platform.outbox..")
                .and().doNotHaveFullyQualifiedName("org.fupin.platform.inbox.BatchInbox")
                .should().dependOnClassesThat().haveFullyQualifiedName("org.apache.kafka.clients.producer.KafkaProducer")
                .check(CLASSES);
    }

    @Test
    void servicesDoNotDependOnEachOther() {
        slices().matching("org.fupin.(*)..")
                .should().notDependOnEachOther()
                .ignoreDependency(DescribedPredicate.alwaysTrue(),
                        JavaClass.Predicates.resideInAnyPackage("org.fupin.platform..", "org.fupin.contracts.."))
                .because("services share only the platform and the event contracts")
                .check(CLASSES);
    }

    @Test
    void resourcesDoNotTouchRepositories() {
        noClasses().that().resideInAPackage("..rest..")
                .should().dependOnClassesThat().resideInAPackage("..repository..")
                .because("resources stay thin: they call a service, which owns the transaction")
                .check(CLASSES);
    }

    @Test
    void servicesNeverDependOnRest() {
        noClasses().that().resideInAPackage("org.fupin.*.service..")
                .should().dependOnClassesThat().resideInAPackage("org.fupin.*.rest..")
                .because("services take their own command records and return their own view types; resources map them")
                .check(CLASSES);
    }

    @Test
    void domainIsPlainJava() {
        noClasses().that().resideInAPackage("org.fupin.[household|project|fund|rectification|reporting].domain..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.persistence..", "jakarta.ws.rs..", "io.quarkus..",
                        "org.apache.kafka..", "..repository..", "..rest..")
                .check(CLASSES);
    }
}
