package org.fupin.e2e;

import org.fupin.localstack.chaos.ChaosRun;
import org.fupin.localstack.chaos.Fault;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fault-injection suite as part of {@code ./mvnw verify}: the same run as {@code ./fupin chaos}, on its own stack
 * (its own PostgreSQL, Kafka broker, issuer and service processes, on free ports under {@code target/chaos}), for a
 * fixed seed. {@code -Dfupin.chaos.seconds} (default 120), {@code -Dfupin.chaos.seed} and {@code -Dfupin.chaos.faults}
 * (default all) change the run.
 */
class ChaosE2ETest {

    @Test
    void underKillsPausesAndOutagesNothingIsLostDoubleCountedMismatchedOrLeaked() throws Exception {
        ChaosRun.Options options = ChaosRun.Options.defaults()
                .withSeconds(Integer.getInteger("fupin.chaos.seconds", 120))
                .withSeed(Long.getLong("fupin.chaos.seed", 20_261_125L))
                .withFaults(Fault.parse(System.getProperty("fupin.chaos.faults", "all")))
                .withDir(Path.of("target", "chaos").toAbsolutePath());
        ChaosRun.Result r = ChaosRun.run(options);
        String report = r.summary() + "\n" + String.join("\n", r.details());
        assertAll(
                () -> assertTrue(r.quiet(), "the stack came to quiet after the run\n" + report),
                () -> assertTrue(r.acknowledged() > 0, "the workload got commands through\n" + report),
                () -> assertEquals(0, r.lost(), "lost\n" + report),
                () -> assertEquals(0, r.doubleCounted(), "double-counted\n" + report),
                () -> assertEquals(0, r.mismatched(), "mismatched figures\n" + report),
                () -> assertEquals(0, r.piiFound(), "PII in logs or on topics\n" + report));
    }
}
