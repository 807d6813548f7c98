package org.fupin.rectification.service;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import org.fupin.rectification.domain.LinkRules;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Links accepted as given (well-formed ids, checked by the domain) while the service keeps no replicas of the other
 * services' objects: every id reads as an object of the issue's own region. A bean over the replicas replaces it
 * (this one is only the default).
 */
@DefaultBean
@ApplicationScoped
public class LinksAsGiven implements LinkedObjects {

    @Override
    public Map<String, LinkRules.Known> households(Collection<String> ids, String issueRegion) {
        return asGiven(ids, issueRegion);
    }

    @Override
    public Map<String, LinkRules.Known> projects(Collection<String> ids, String issueRegion) {
        return asGiven(ids, issueRegion);
    }

    @Override
    public Map<String, LinkRules.Known> fundDocuments(Collection<String> ids, String issueRegion) {
        return asGiven(ids, issueRegion);
    }

    private static Map<String, LinkRules.Known> asGiven(Collection<String> ids, String region) {
        Map<String, LinkRules.Known> m = new LinkedHashMap<>();
        ids.forEach(id -> m.put(id, new LinkRules.Known(id, region)));
        return m;
    }
}
