package org.fupin.rectification;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import org.fupin.testsupport.SuiteInfrastructure;

/** Declared once for every test class of this service: real PostgreSQL, Kafka and OIDC issuer, shared by the JVM. */
@QuarkusTestResource(value = SuiteInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "rectification"))
public class InfrastructureTestResource {
}
