package org.fupin.rectification.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.fupin.rectification.domain.LinkRules;
import org.fupin.rectification.repository.FundDocumentReplicaRcRepository;
import org.fupin.rectification.repository.HouseholdReplicaRcRepository;
import org.fupin.rectification.repository.ProjectReplicaRcRepository;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Links checked against the service's replicas, built from the other services' topics: households
 * ({@code household_replica_rc}), projects ({@code project_replica_rc}) and allocation documents
 * ({@code fund_document_rc}, from {@code fund.allocated.v1}; a document's region is its receiving county).
 */
@ApplicationScoped
public class ReplicaLinks implements LinkedObjects {

    @Inject
    HouseholdReplicaRcRepository households;
    @Inject
    ProjectReplicaRcRepository projects;
    @Inject
    FundDocumentReplicaRcRepository fundDocuments;

    @Override
    public Map<String, LinkRules.Known> households(Collection<String> ids, String issueRegion) {
        return ids.isEmpty() ? Map.of() : households.known(uuids(ids));
    }

    @Override
    public Map<String, LinkRules.Known> projects(Collection<String> ids, String issueRegion) {
        return ids.isEmpty() ? Map.of() : projects.known(uuids(ids));
    }

    @Override
    public Map<String, LinkRules.Known> fundDocuments(Collection<String> ids, String issueRegion) {
        return ids.isEmpty() ? Map.of() : fundDocuments.known(uuids(ids));
    }

    /** The domain checked the form already (400 before this is asked). */
    private static List<UUID> uuids(Collection<String> ids) {
        return ids.stream().map(UUID::fromString).toList();
    }
}
