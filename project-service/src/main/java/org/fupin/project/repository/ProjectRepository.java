package org.fupin.project.repository;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.fupin.project.domain.ProjectFilter;
import org.fupin.project.domain.ProjectStage;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ProjectRepository implements PanacheRepositoryBase<Project, UUID> {

    public Optional<Project> findForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public Optional<Project> findByCode(String code) {
        return find("projectCode", code).firstResultOptional();
    }

    public boolean codeTaken(String code) {
        return count("projectCode", code) > 0;
    }

    /** A new generated project code: {@code <county6>-<year>-<number>} (number from a sequence, six digits at least). */
    public String nextProjectCode(String regionCode, int year) {
        Number n = (Number) getEntityManager().createNativeQuery("select nextval('project_code_seq')").getSingleResult();
        return regionCode.substring(0, 6) + "-" + year + "-" + String.format("%06d", n.longValue());
    }

    public PanacheQuery<Project> search(ProjectFilter f, Sort sort) {
        List<String> where = new ArrayList<>();
        Parameters p = new Parameters();
        where.add("regionCode like :region");
        p.and("region", f.regionPrefix() + "%");
        if (f.year() != null) {
            where.add("projectYear = :year");
            p.and("year", f.year());
        }
        if (f.category() != null) {
            where.add("category = :category");
            p.and("category", f.category());
        }
        if (f.stage() != null) {
            where.add("stage = :stage");
            p.and("stage", f.stage());
        }
        if (f.fundSource() != null) {
            where.add("fundSources like :source");
            p.and("source", "%," + f.fundSource().code() + ",%");
        }
        if (f.batch() != null) {
            where.add("batch = :batch");
            p.and("batch", f.batch());
        }
        if (f.unit() != null) {
            where.add("lower(unitName) like :unit");
            p.and("unit", "%" + f.unit().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (f.incomplete() != null) {
            where.add(f.incomplete() ? "missingFields <> ''" : "missingFields = ''");
        }
        if (f.cancelled() != null) {
            where.add(f.cancelled() ? "stage = :cancelledStage" : "stage <> :cancelledStage");
            p.and("cancelledStage", ProjectStage.CANCELLED);
        }
        return find(String.join(" and ", where), sort, p);
    }
}
