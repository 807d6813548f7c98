package org.fupin.rectification.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class FindingSourceTypeRepository implements PanacheRepositoryBase<FindingSourceType, String> {

    public List<FindingSourceType> listInOrder() {
        return listAll(Sort.by("sortOrder").and("code"));
    }
}
