package org.fupin.project.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ProjectHistoryRepository implements PanacheRepositoryBase<ProjectHistory, Long> {

    public List<ProjectHistory> of(UUID projectId) {
        return list("projectId", Sort.by("seq"), projectId);
    }
}
