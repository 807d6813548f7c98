package org.fupin.reporting.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.fupin.reporting.domain.FundFigures.FundFact;

import java.util.List;
import java.util.UUID;

/**
 * The ledger entries of the fund events ({@code fund_fact}, one row per entry id), their yearly and monthly sums
 * ({@code fund_year}, {@code fund_month}) and the regions of each project's money ({@code fund_project}), written in one statement per
 * batch: entries already held are skipped (a replay, or the same
 * entry in another event), and only the new ones are added to the sums, so the sums always equal the entries.
 */
@ApplicationScoped
public class FundFactRepository {

    @Inject
    EntityManager em;

    /** An entry as the event brought it. */
    public record Entry(UUID eventId, String kind, String countyCode, FundFact fact) {
    }

    /** @return the number of entries that were new */
    public int insert(List<Entry> entries) {
        if (entries.isEmpty()) {
            return 0;
        }
        int n = entries.size();
        UUID[] ids = new UUID[n];
        UUID[] events = new UUID[n];
        String[] kinds = new String[n];
        UUID[] projects = new UUID[n];
        String[] regions = new String[n];
        String[] counties = new String[n];
        String[] sources = new String[n];
        String[] dates = new String[n];
        String[] allocated = new String[n];
        String[] disbursed = new String[n];
        String[] reimbursed = new String[n];
        for (int i = 0; i < n; i++) {
            Entry e = entries.get(i);
            FundFact f = e.fact();
            ids[i] = UUID.fromString(f.entryId());
            events[i] = e.eventId();
            kinds[i] = e.kind();
            projects[i] = UUID.fromString(f.projectId());
            regions[i] = f.regionCode();
            counties[i] = e.countyCode();
            sources[i] = f.source();
            dates[i] = f.date().toString();
            allocated[i] = f.allocated().toPlainString();
            disbursed[i] = f.disbursed().toPlainString();
            reimbursed[i] = f.reimbursed().toPlainString();
        }
        // the month sums in key order, so two replicas adding to the same rows never deadlock
        return ((Number) em.createNativeQuery("""
                        with new as (
                          insert into fund_fact (entry_id, event_id, kind, project_id, region_code, county_code, fund_source,
                                                 entry_date, allocated, disbursed, reimbursed)
                          select t.id, t.event, t.kind, t.project, t.region, t.county, t.source, cast(t.day as date),
                                 cast(t.a as numeric), cast(t.d as numeric), cast(t.r as numeric)
                          from unnest(cast(?1 as uuid[]), cast(?2 as uuid[]), cast(?3 as varchar[]), cast(?4 as uuid[]),
                                      cast(?5 as varchar[]), cast(?6 as varchar[]), cast(?7 as varchar[]), cast(?8 as varchar[]),
                                      cast(?9 as varchar[]), cast(?10 as varchar[]), cast(?11 as varchar[]))
                               as t(id, event, kind, project, region, county, source, day, a, d, r)
                          on conflict (entry_id) do nothing
                          returning project_id, fund_source, region_code, entry_date, allocated, disbursed, reimbursed),
                        months as (
                          insert into fund_month (project_id, fund_source, region_code, month, allocated, disbursed, reimbursed, entries)
                          select project_id, fund_source, region_code, cast(date_trunc('month', entry_date) as date),
                                 sum(allocated), sum(disbursed), sum(reimbursed), count(*)
                          from new group by 1, 2, 3, 4 order by 1, 2, 3, 4
                          on conflict (project_id, fund_source, region_code, month) do update
                            set allocated = fund_month.allocated + excluded.allocated,
                                disbursed = fund_month.disbursed + excluded.disbursed,
                                reimbursed = fund_month.reimbursed + excluded.reimbursed,
                                entries = fund_month.entries + excluded.entries
                          returning entries),
                        years as (
                          insert into fund_year (project_id, fund_source, region_code, year, allocated, disbursed, reimbursed, entries)
                          select project_id, fund_source, region_code, cast(extract(year from entry_date) as integer),
                                 sum(allocated), sum(disbursed), sum(reimbursed), count(*)
                          from new group by 1, 2, 3, 4 order by 1, 2, 3, 4
                          on conflict (project_id, fund_source, region_code, year) do update
                            set allocated = fund_year.allocated + excluded.allocated,
                                disbursed = fund_year.disbursed + excluded.disbursed,
                                reimbursed = fund_year.reimbursed + excluded.reimbursed,
                                entries = fund_year.entries + excluded.entries
                          returning entries),
                        regions as (
                          insert into fund_project (project_id, region_code)
                          select distinct project_id, region_code from new order by 1, 2
                          on conflict do nothing
                          returning project_id)
                        select count(*) from new""")
                .setParameter(1, ids).setParameter(2, events).setParameter(3, kinds).setParameter(4, projects)
                .setParameter(5, regions).setParameter(6, counties).setParameter(7, sources).setParameter(8, dates)
                .setParameter(9, allocated).setParameter(10, disbursed).setParameter(11, reimbursed)
                .getSingleResult()).intValue();
    }
}
