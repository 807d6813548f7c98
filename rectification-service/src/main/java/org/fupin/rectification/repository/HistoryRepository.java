package org.fupin.rectification.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class HistoryRepository implements PanacheRepositoryBase<HistoryRow, Long> {

    /** The issue's rows in order. */
    public List<HistoryRow> of(UUID issueId) {
        return list("issueId", Sort.by("position"), issueId);
    }
}
