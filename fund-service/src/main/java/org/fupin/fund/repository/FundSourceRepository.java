package org.fupin.fund.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class FundSourceRepository implements PanacheRepositoryBase<FundSource, String> {

    public List<FundSource> listInOrder() {
        return listAll(Sort.by("sortOrder").and("code"));
    }
}
