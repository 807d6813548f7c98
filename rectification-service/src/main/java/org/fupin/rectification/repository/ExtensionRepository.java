package org.fupin.rectification.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ExtensionRepository implements PanacheRepositoryBase<ExtensionRow, Long> {

    /** The issue's rows in order. */
    public List<ExtensionRow> of(UUID issueId) {
        return list("issueId", Sort.by("number"), issueId);
    }
}
