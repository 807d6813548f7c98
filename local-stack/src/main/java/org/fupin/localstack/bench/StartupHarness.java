package org.fupin.localstack.bench;

import java.time.Duration;
import java.util.List;

/**
 * Starts extra instances of services against the running stack and measures them. The bench's own
 * {@link ProcessStartupHarness} is minimal on purpose; a fuller harness (e.g. local-stack's StartupProbe) can take its
 * place behind this interface.
 */
public interface StartupHarness {

    /** One started instance; closing it stops the process. */
    interface Instance extends AutoCloseable {
        String service();

        /** From the process start to the first {@code /q/health/ready} answered 200. */
        Duration readyAfter();

        /** VmRSS right after ready, in MiB. */
        long rssMiB();

        @Override
        void close();
    }

    /**
     * Starts the services at once (one instance each, on free ports, with the running stack's PostgreSQL, Kafka and OIDC
     * issuer) and waits until every one is ready.
     */
    List<Instance> start(List<String> services) throws Exception;
}
