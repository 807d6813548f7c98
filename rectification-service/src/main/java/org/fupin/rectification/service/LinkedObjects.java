package org.fupin.rectification.service;

import org.fupin.rectification.domain.LinkRules;

import java.util.Collection;
import java.util.Map;

/**
 * What the service knows of the objects an issue links to (households, projects, fund documents of the other services),
 * by id, for {@link LinkRules#check}: {@link ReplicaLinks}, over the replicas built from their topics.
 */
public interface LinkedObjects {

    /**
     * @param issueRegion the region of the issue being raised
     * @return the known objects among the ids, by id
     */
    Map<String, LinkRules.Known> households(Collection<String> ids, String issueRegion);

    Map<String, LinkRules.Known> projects(Collection<String> ids, String issueRegion);

    Map<String, LinkRules.Known> fundDocuments(Collection<String> ids, String issueRegion);
}
