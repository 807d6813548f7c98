package org.fupin.rectification.repository;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class SourceRepository implements PanacheRepositoryBase<Source, UUID> {

    public boolean documentTaken(String issuingBody, String documentNumber) {
        return count("issuingBody = ?1 and documentNumber = ?2", issuingBody, documentNumber) > 0;
    }

    /** The standing source of a system-check rule (seeded by the migration). */
    public Optional<Source> forRule(String ruleCode) {
        return find("systemRule", ruleCode).firstResultOptional();
    }

    /**
     * The sources a caller of region prefix {@code prefix} sees: those of a region inside it, and those whose region
     * contains it (a provincial inspection is seen by the counties it inspected; system-check sources by everyone).
     */
    public PanacheQuery<Source> visible(String prefix, String type) {
        List<String> where = new ArrayList<>();
        Parameters p = new Parameters();
        where.add("(regionPrefix like :inside or :prefix like concat(regionPrefix, '%'))");
        p.and("inside", prefix + "%").and("prefix", prefix);
        if (type != null) {
            where.add("sourceType = :type");
            p.and("type", type);
        }
        return find(String.join(" and ", where), Sort.by("documentDate", Sort.Direction.Descending).and("id"), p);
    }
}
