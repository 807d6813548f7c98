package org.fupin.reporting.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import org.fupin.reporting.domain.IssueFact;
import org.fupin.reporting.domain.RectificationFigures;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The rectification issues of {@code fupin.rectification.v1} ({@code rectification_fact}: the newest snapshot per issue;
 * {@code rectification_step}: one row per event version), written in two statements per batch, and read back as
 * {@link IssueFact}s for a report. A snapshot of an older version than the stored one changes nothing but a missing
 * source date; a version already held is skipped: replays and any arrival order leave the same rows.
 */
@ApplicationScoped
public class RectificationFactRepository {

    @Inject
    EntityManager em;

    /** The snapshot an event carries (the issue as that version left it). */
    public record Snapshot(UUID issueId, long version, UUID sourceId, String sourceType, String sourceDocumentNumber,
                           LocalDate sourceDate, String category, String regionCode, String leadUnit, String term,
                           LocalDate raisedOn, LocalDate originalDeadline) {
    }

    /** One event version of an issue. */
    public record StepRow(UUID issueId, long version, UUID eventId, String eventType, LocalDate effectiveDate, String state,
                          LocalDate deadline) {
    }

    /**
     * @param snapshots at most one per issue (the caller keeps the newest of a batch, with any source date it told)
     * @param steps     at most one per issue and version
     */
    public void apply(List<Snapshot> snapshots, List<StepRow> steps) {
        if (!snapshots.isEmpty()) {
            int n = snapshots.size();
            UUID[] ids = new UUID[n];
            String[] versions = new String[n];
            UUID[] sources = new UUID[n];
            String[] types = new String[n];
            String[] numbers = new String[n];
            String[] sourceDates = new String[n];
            String[] categories = new String[n];
            String[] regions = new String[n];
            String[] units = new String[n];
            String[] terms = new String[n];
            String[] raised = new String[n];
            String[] deadlines = new String[n];
            for (int i = 0; i < n; i++) {
                Snapshot s = snapshots.get(i);
                ids[i] = s.issueId();
                versions[i] = Long.toString(s.version());
                sources[i] = s.sourceId();
                types[i] = s.sourceType();
                numbers[i] = s.sourceDocumentNumber();
                sourceDates[i] = s.sourceDate() == null ? null : s.sourceDate().toString();
                categories[i] = s.category();
                regions[i] = s.regionCode();
                units[i] = s.leadUnit();
                terms[i] = s.term();
                raised[i] = s.raisedOn().toString();
                deadlines[i] = s.originalDeadline().toString();
            }
            // in key order, so two replicas writing the same issues never deadlock
            em.createNativeQuery("""
                            insert into rectification_fact (issue_id, version, source_id, source_type, source_document_number,
                                                            source_date, category, region_code, lead_unit, term, raised_on,
                                                            original_deadline)
                            select t.id, cast(t.v as bigint), t.src, t.st, t.doc, cast(t.sd as date), t.cat, t.reg, t.unit, t.term,
                                   cast(t.raised as date), cast(t.dl as date)
                            from unnest(cast(?1 as uuid[]), cast(?2 as varchar[]), cast(?3 as uuid[]), cast(?4 as varchar[]),
                                        cast(?5 as varchar[]), cast(?6 as varchar[]), cast(?7 as varchar[]), cast(?8 as varchar[]),
                                        cast(?9 as varchar[]), cast(?10 as varchar[]), cast(?11 as varchar[]), cast(?12 as varchar[]))
                                 as t(id, v, src, st, doc, sd, cat, reg, unit, term, raised, dl)
                            order by t.id
                            on conflict (issue_id) do update set
                              source_date = coalesce(excluded.source_date, rectification_fact.source_date),
                              version = greatest(rectification_fact.version, excluded.version),
                              source_id = case when excluded.version > rectification_fact.version then excluded.source_id else rectification_fact.source_id end,
                              source_type = case when excluded.version > rectification_fact.version then excluded.source_type else rectification_fact.source_type end,
                              source_document_number = case when excluded.version > rectification_fact.version then excluded.source_document_number else rectification_fact.source_document_number end,
                              category = case when excluded.version > rectification_fact.version then excluded.category else rectification_fact.category end,
                              region_code = case when excluded.version > rectification_fact.version then excluded.region_code else rectification_fact.region_code end,
                              lead_unit = case when excluded.version > rectification_fact.version then excluded.lead_unit else rectification_fact.lead_unit end,
                              term = case when excluded.version > rectification_fact.version then excluded.term else rectification_fact.term end,
                              raised_on = case when excluded.version > rectification_fact.version then excluded.raised_on else rectification_fact.raised_on end,
                              original_deadline = case when excluded.version > rectification_fact.version then excluded.original_deadline else rectification_fact.original_deadline end,
                              updated_at = now()""")
                    .setParameter(1, ids).setParameter(2, versions).setParameter(3, sources).setParameter(4, types)
                    .setParameter(5, numbers).setParameter(6, sourceDates).setParameter(7, categories).setParameter(8, regions)
                    .setParameter(9, units).setParameter(10, terms).setParameter(11, raised).setParameter(12, deadlines)
                    .executeUpdate();
        }
        if (!steps.isEmpty()) {
            int n = steps.size();
            UUID[] ids = new UUID[n];
            String[] versions = new String[n];
            UUID[] events = new UUID[n];
            String[] types = new String[n];
            String[] dates = new String[n];
            String[] states = new String[n];
            String[] deadlines = new String[n];
            for (int i = 0; i < n; i++) {
                StepRow s = steps.get(i);
                ids[i] = s.issueId();
                versions[i] = Long.toString(s.version());
                events[i] = s.eventId();
                types[i] = s.eventType();
                dates[i] = s.effectiveDate().toString();
                states[i] = s.state();
                deadlines[i] = s.deadline().toString();
            }
            em.createNativeQuery("""
                            insert into rectification_step (issue_id, version, event_id, event_type, effective_date, state, deadline)
                            select t.id, cast(t.v as bigint), t.ev, t.type, cast(t.day as date), t.state, cast(t.dl as date)
                            from unnest(cast(?1 as uuid[]), cast(?2 as varchar[]), cast(?3 as uuid[]), cast(?4 as varchar[]),
                                        cast(?5 as varchar[]), cast(?6 as varchar[]), cast(?7 as varchar[]))
                                 as t(id, v, ev, type, day, state, dl)
                            order by t.id, cast(t.v as bigint)
                            on conflict (issue_id, version) do nothing""")
                    .setParameter(1, ids).setParameter(2, versions).setParameter(3, events).setParameter(4, types)
                    .setParameter(5, dates).setParameter(6, states).setParameter(7, deadlines)
                    .executeUpdate();
        }
    }

    /**
     * The issues the filter lets through that were raised by {@code day}, with their steps dated on or before it (a later
     * step changes nothing on that day). Only fixed SQL text is concatenated; every value is a parameter.
     */
    public List<IssueFact> facts(RectificationFigures.Filter filter, LocalDate day) {
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder("f.region_code like ?1 || '%' and f.raised_on <= cast(?2 as date)");
        params.add(filter.regionPrefix() == null ? "" : filter.regionPrefix());
        params.add(day.toString());
        if (filter.year() != null) {
            params.add(filter.year());
            where.append(" and cast(extract(year from coalesce(f.source_date, f.raised_on)) as integer) = ?").append(params.size());
        }
        if (filter.sourceType() != null) {
            params.add(filter.sourceType());
            where.append(" and f.source_type = ?").append(params.size());
        }
        if (filter.sourceId() != null) {
            params.add(UUID.fromString(filter.sourceId()));
            where.append(" and f.source_id = ?").append(params.size());
        }
        if (filter.category() != null) {
            params.add(filter.category());
            where.append(" and f.category = ?").append(params.size());
        }
        if (filter.unit() != null) {
            params.add(filter.unit());
            where.append(" and f.lead_unit = ?").append(params.size());
        }
        Query q = em.createNativeQuery("""
                select f.issue_id, f.source_id, f.source_type, f.source_document_number, f.source_date, f.category, f.region_code,
                       f.lead_unit, f.term, f.raised_on, f.original_deadline, s.version, s.effective_date, s.state, s.deadline
                from rectification_fact f
                left join rectification_step s on s.issue_id = f.issue_id and s.effective_date <= cast(?2 as date)
                where %s
                order by f.issue_id, s.version""".formatted(where));
        for (int i = 0; i < params.size(); i++) {
            q.setParameter(i + 1, params.get(i));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.getResultList();
        Map<String, Object[]> heads = new LinkedHashMap<>();
        Map<String, List<IssueFact.Step>> steps = new LinkedHashMap<>();
        for (Object[] r : rows) {
            String id = r[0].toString();
            heads.putIfAbsent(id, r);
            List<IssueFact.Step> l = steps.computeIfAbsent(id, k -> new ArrayList<>());
            if (r[11] != null) {
                l.add(new IssueFact.Step(((Number) r[11]).longValue(), date(r[12]), IssueFact.State.valueOf((String) r[13]),
                        date(r[14])));
            }
        }
        List<IssueFact> out = new ArrayList<>(heads.size());
        heads.forEach((id, r) -> out.add(IssueFact.fromSteps(id, r[1].toString(), (String) r[2], (String) r[3], date(r[4]),
                (String) r[5], (String) r[6], (String) r[7], IssueFact.Term.valueOf((String) r[8]), date(r[9]), date(r[10]),
                steps.get(id))));
        return out;
    }

    private static LocalDate date(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof LocalDate d) {
            return d;
        }
        if (o instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        return LocalDate.parse(o.toString());
    }
}
