package org.fupin.project.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class ProjectCategoryRepository implements PanacheRepositoryBase<ProjectCategory, String> {

    public List<ProjectCategory> listInOrder() {
        return listAll(Sort.by("sortOrder").and("code"));
    }
}
