package org.fupin.reporting.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.fupin.reporting.domain.FundFigures.ProjectPoint;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The project points of the fund figures ({@code project_point} + {@code project_point_budget}): one row per project
 * event version, never replaced; a version already held is ignored (a replay). Two statements per batch.
 */
@ApplicationScoped
public class FundProjectPointRepository {

    @Inject
    EntityManager em;

    /** A point and the type of the event it came from. */
    public record Point(String eventType, ProjectPoint point) {
    }

    /** @param points at most one per project and version (the first of a batch is kept by the caller) */
    public void insert(List<Point> points) {
        if (points.isEmpty()) {
            return;
        }
        int n = points.size();
        UUID[] ids = new UUID[n];
        Long[] versions = new Long[n];
        String[] from = new String[n];
        String[] types = new String[n];
        String[] regions = new String[n];
        Integer[] years = new Integer[n];
        String[] categories = new String[n];
        String[] batches = new String[n];
        String[] stages = new String[n];
        List<UUID> budgetIds = new ArrayList<>();
        List<Long> budgetVersions = new ArrayList<>();
        List<String> budgetSources = new ArrayList<>();
        List<String> budgetAmounts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ProjectPoint p = points.get(i).point();
            ids[i] = UUID.fromString(p.projectId());
            versions[i] = p.version();
            from[i] = p.from().toString();
            types[i] = points.get(i).eventType();
            regions[i] = p.regionCode();
            years[i] = p.year();
            categories[i] = p.category();
            batches[i] = p.batch();
            stages[i] = p.stage();
            UUID id = ids[i];
            p.budget().forEach((source, amount) -> {
                budgetIds.add(id);
                budgetVersions.add(p.version());
                budgetSources.add(source);
                budgetAmounts.add(amount.toPlainString());
            });
        }
        // the budget rows only of the points that were new (a replayed version keeps what it had)
        em.createNativeQuery("""
                        with new as (
                          insert into project_point (project_id, version, valid_from, event_type, region_code, project_year,
                                                     category, batch, stage)
                          select t.id, t.version, cast(t.valid_from as date), t.type, t.region, t.year, t.category, t.batch, t.stage
                          from unnest(cast(?1 as uuid[]), cast(?2 as bigint[]), cast(?3 as varchar[]), cast(?4 as varchar[]),
                                      cast(?5 as varchar[]), cast(?6 as integer[]), cast(?7 as varchar[]), cast(?8 as varchar[]),
                                      cast(?9 as varchar[]))
                               as t(id, version, valid_from, type, region, year, category, batch, stage)
                          order by t.id, t.version
                          on conflict (project_id, version) do nothing
                          returning project_id, version)
                        insert into project_point_budget (project_id, version, fund_source, amount)
                        select b.id, b.version, b.source, cast(b.amount as numeric)
                        from unnest(cast(?10 as uuid[]), cast(?11 as bigint[]), cast(?12 as varchar[]), cast(?13 as varchar[]))
                             as b(id, version, source, amount)
                        join new on new.project_id = b.id and new.version = b.version""")
                .setParameter(1, ids).setParameter(2, versions).setParameter(3, from).setParameter(4, types)
                .setParameter(5, regions).setParameter(6, years).setParameter(7, categories).setParameter(8, batches)
                .setParameter(9, stages)
                .setParameter(10, budgetIds.toArray(UUID[]::new)).setParameter(11, budgetVersions.toArray(Long[]::new))
                .setParameter(12, budgetSources.toArray(String[]::new)).setParameter(13, budgetAmounts.toArray(String[]::new))
                .executeUpdate();
    }
}
