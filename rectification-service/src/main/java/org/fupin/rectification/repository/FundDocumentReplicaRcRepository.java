package org.fupin.rectification.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.fupin.rectification.domain.LinkRules;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** The allocation documents known from {@code fupin.fund.v1} ({@code fund_document_rc}), for the link check. */
@ApplicationScoped
public class FundDocumentReplicaRcRepository implements PanacheRepositoryBase<FundDocumentReplicaRc, UUID> {

    /** A document as a {@code fund.allocated.v1} event names it. */
    public record FundDocument(UUID id, String documentNumber, LocalDate documentDate, int documentYear,
                               String issuingRegion, String countyCode, String fundSource, UUID eventId) {
    }

    /** Keeps the documents not yet known (by id: the first line seen wins, a replay adds nothing). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void addAll(Collection<FundDocument> documents) {
        if (documents.isEmpty()) {
            return;
        }
        List<FundDocument> sorted = documents.stream().sorted(Comparator.comparing(FundDocument::id)).toList();
        getEntityManager().createNativeQuery("""
                        insert into fund_document_rc (id, document_number, document_date, document_year, issuing_region,
                                                      county_code, fund_source, first_event_id)
                        select t.id, t.number, cast(t.day as date), t.year, t.issuing, t.county, t.source, t.event
                        from unnest(cast(?1 as uuid[]), cast(?2 as varchar[]), cast(?3 as varchar[]), cast(?4 as int[]),
                                    cast(?5 as varchar[]), cast(?6 as varchar[]), cast(?7 as varchar[]), cast(?8 as uuid[]))
                             as t(id, number, day, year, issuing, county, source, event)
                        on conflict (id) do nothing""")
                .setParameter(1, sorted.stream().map(FundDocument::id).toArray(UUID[]::new))
                .setParameter(2, sorted.stream().map(FundDocument::documentNumber).toArray(String[]::new))
                .setParameter(3, sorted.stream().map(d -> d.documentDate().toString()).toArray(String[]::new))
                .setParameter(4, sorted.stream().map(FundDocument::documentYear).toArray(Integer[]::new))
                .setParameter(5, sorted.stream().map(FundDocument::issuingRegion).toArray(String[]::new))
                .setParameter(6, sorted.stream().map(FundDocument::countyCode).toArray(String[]::new))
                .setParameter(7, sorted.stream().map(FundDocument::fundSource).toArray(String[]::new))
                .setParameter(8, sorted.stream().map(FundDocument::eventId).toArray(UUID[]::new))
                .executeUpdate();
    }

    /** The documents known to the replica, with their receiving county as region, for {@link LinkRules}. */
    public Map<String, LinkRules.Known> known(Collection<UUID> ids) {
        UUID[] distinct = ids.stream().filter(Objects::nonNull).distinct().toArray(UUID[]::new);
        Map<String, LinkRules.Known> out = new LinkedHashMap<>();
        if (distinct.length == 0) {
            return out;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager()
                .createNativeQuery("select id, county_code from fund_document_rc where id = any(cast(?1 as uuid[]))")
                .setParameter(1, distinct)
                .getResultList();
        for (Object[] r : rows) {
            out.put(r[0].toString(), new LinkRules.Known(r[0].toString(), (String) r[1]));
        }
        return out;
    }
}
