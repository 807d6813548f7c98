package org.fupin.reporting.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.fupin.contracts.household.HouseholdRegisteredV1;
import org.fupin.contracts.household.HouseholdUpdatedV1;
import org.fupin.platform.inbox.InboundEvent;
import org.fupin.reporting.repository.HouseholdFactRepository;
import org.jboss.logging.Logger;

/** Applies household events to the facts; runs inside the inbox's transaction. */
@ApplicationScoped
public class HouseholdProjection {

    private static final Logger LOG = Logger.getLogger(HouseholdProjection.class);

    @Inject
    ObjectMapper json;
    @Inject
    HouseholdFactRepository facts;

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(InboundEvent event) {
        try {
            switch (event.type()) {
                case "household.registered.v1" -> {
                    var e = json.readValue(event.payload(), HouseholdRegisteredV1.class);
                    facts.upsert(e.householdId(), e.regionCode(), e.memberCount(), "REGISTERED", event.aggregateVersion());
                }
                case "household.updated.v1" -> {
                    var e = json.readValue(event.payload(), HouseholdUpdatedV1.class);
                    facts.upsert(e.householdId(), e.regionCode(), e.memberCount(), "REGISTERED", event.aggregateVersion());
                }
                default -> LOG.debugf("ignoring event type %s", event.type()); // newer types this version does not know
            }
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("malformed " + event.type() + " event " + event.id(), e);
        }
    }
}
