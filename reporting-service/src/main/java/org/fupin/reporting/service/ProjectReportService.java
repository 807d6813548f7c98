package org.fupin.reporting.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.fupin.platform.region.RegionScope;
import org.fupin.reporting.domain.ProjectFigures;
import org.fupin.reporting.domain.ProjectGrouping;
import org.fupin.reporting.domain.ProjectReportFilter;
import org.fupin.reporting.repository.ProjectReportRepository;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The project figures (项目库): the newest snapshot of every project in scope, grouped and summed in the database
 * ({@link ProjectReportRepository}), turned into figures by the domain ({@link ProjectFigures.Sums}).
 */
@ApplicationScoped
public class ProjectReportService {

    @Inject
    ProjectReportRepository repository;
    @Inject
    RegionScope region;

    /**
     * @throws org.fupin.platform.problem.ApiProblem 400 naming the parameter that is wrong; 403 for a region outside the
     *                                               caller's (as the household report)
     */
    @Transactional
    public ProjectReport figures(String requestedRegion, String year, String category, String batch, String groupBy) {
        String prefix = region.queryPrefix(requestedRegion, "region");
        ProjectReportFilter filter = ProjectReportFilter.parse(year, category, batch);
        ProjectGrouping grouping = ProjectGrouping.parse(groupBy, "groupBy");
        int childLength = grouping == ProjectGrouping.REGION ? ProjectGrouping.childLength(prefix, "groupBy") : 0;
        ProjectReportRepository.Result sums = repository.sums(prefix, filter, grouping, childLength);
        List<ProjectReport.Row> rows = new ArrayList<>();
        if (grouping != null) {
            Map<String, ProjectFigures.Sums> ordered = new TreeMap<>(grouping.order());
            sums.groups().forEach((key, s) ->
                    ordered.put(grouping == ProjectGrouping.REGION ? ProjectGrouping.regionGroup(key) : key, s));
            ordered.forEach((key, s) -> rows.add(new ProjectReport.Row(key, s.figures())));
        }
        return new ProjectReport(prefix, filter.year(), filter.category(), filter.batch(),
                grouping == null ? null : grouping.value(), List.copyOf(rows), sums.total().figures(), OffsetDateTime.now());
    }
}
