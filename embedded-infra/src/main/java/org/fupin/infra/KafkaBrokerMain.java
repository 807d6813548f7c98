package org.fupin.infra;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Runs a {@link KafkaBroker} as a process of its own, so that fault-injection runs can SIGKILL or pause it and start
 * it again on the same log folder and ports. Arguments: {@code <logDir> <port> <controllerPort>}.
 * <p>
 * It stops when its standard input closes: the parent keeps the pipe open, so a broker never outlives a parent that
 * was killed.
 */
public final class KafkaBrokerMain {
    private KafkaBrokerMain() {
    }

    public static final String READY_LINE = "KAFKA-BROKER-READY";

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: KafkaBrokerMain <logDir> <port> <controllerPort>");
        }
        KafkaBroker broker = new KafkaBroker(Path.of(args[0]), Integer.parseInt(args[1]), Integer.parseInt(args[2]));
        Runtime.getRuntime().addShutdownHook(new Thread(broker::stop, "kafka-broker-stop"));
        broker.start();
        System.out.println(READY_LINE + " " + broker.bootstrapServers());
        System.out.flush();
        while (System.in.read() >= 0) {
            // wait for the parent to go away
        }
        System.exit(0);
    }
}
