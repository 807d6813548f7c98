package org.fupin.platform.inbox;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaConnectorIncomingConfiguration;
import io.smallrye.reactive.messaging.kafka.fault.KafkaFailureHandler;
import io.vertx.mutiny.core.Vertx;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Metadata;

import java.util.function.BiConsumer;

/**
 * The failure strategy of channels consumed through the {@link BatchInbox}
 * ({@code mp.messaging.incoming.<channel>.failure-strategy=fupin-inbox}).
 * <ul>
 *   <li>Batch channels ({@code batch=true}, the way every consumer uses the inbox): a nacked batch is never
 *   dead-lettered. The inbox dead-letters poison records itself, one by one, and returns normally; what reaches the
 *   connector as a nack (the service stopping while a batch waits, {@link InboxStoppedException}; an {@link Error}; a
 *   bug outside the inbox) uses the connector's {@code fail} strategy: nothing is committed, the channel stops and its
 *   health turns DOWN, and the batch is consumed again after a restart. The connector's dead-letter strategy would
 *   send every record of the batch, good ones included.</li>
 *   <li>Channels of single records: only a record nacked with a {@link PoisonEventException} goes to the dead-letter
 *   topic (the usual {@code dead-letter-queue.*} attributes) and has its offset committed; anything else fails as
 *   above.</li>
 * </ul>
 * So a record that could still succeed is never dead-lettered.
 */
@ApplicationScoped
@Identifier(InboxFailureStrategy.NAME)
public class InboxFailureStrategy implements KafkaFailureHandler.Factory {

    public static final String NAME = "fupin-inbox";

    /** The connector's own strategies, looked up when a channel is created (a service without consumers needs none). */
    @Inject
    @Any
    Instance<KafkaFailureHandler.Factory> strategies;

    @Override
    public KafkaFailureHandler create(KafkaConnectorIncomingConfiguration config, Vertx vertx, KafkaConsumer<?, ?> consumer,
                                      BiConsumer<Throwable, Boolean> reportFailure) {
        KafkaFailureHandler stop = strategy(KafkaFailureHandler.Strategy.FAIL).create(config, vertx, consumer, reportFailure);
        if (config.getBatch()) {
            return stop; // the inbox has dead-lettered the poison records of the batch itself
        }
        KafkaFailureHandler dlq = strategy(KafkaFailureHandler.Strategy.DEAD_LETTER_QUEUE).create(config, vertx, consumer, reportFailure);
        return new KafkaFailureHandler() {
            @Override
            public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record, Throwable reason, Metadata metadata) {
                return FailureClassifier.isDeadLetter(reason) ? dlq.handle(record, reason, metadata) : stop.handle(record, reason, metadata);
            }

            @Override
            public void terminate() {
                dlq.terminate();
                stop.terminate();
            }
        };
    }

    private KafkaFailureHandler.Factory strategy(String name) {
        return strategies.select(Identifier.Literal.of(name)).get();
    }
}
