package org.fupin.reporting.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.fupin.platform.problem.ApiProblem;
import org.fupin.platform.region.RegionScope;
import org.fupin.reporting.domain.FundFigures;
import org.fupin.reporting.domain.FundFigures.Filter;
import org.fupin.reporting.domain.FundFigures.GroupBy;
import org.fupin.reporting.domain.ProjectFigures;
import org.fupin.reporting.domain.ProjectGrouping;
import org.fupin.reporting.domain.ProjectReportFilter;
import org.fupin.reporting.repository.FundReportRepository;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The fund figures (资金): allocated, disbursed, reimbursed, 拨付率, 资金使用率, 报账率 and the reimbursement rate of the
 * budget, now or as of the end of a day, summed in the database ({@link FundReportRepository}) and turned into figures
 * by the domain ({@link FundFigures#figures}) — the same numbers {@link FundFigures} computes from the facts in memory.
 */
@ApplicationScoped
public class FundReportService {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

    @Inject
    FundReportRepository repository;
    @Inject
    RegionScope region;

    /**
     * @throws ApiProblem 400 naming the parameter that is wrong; 403 for a region outside the caller's (as the project
     *                    report)
     */
    @Transactional
    public FundReport figures(String requestedRegion, String year, String category, String source, String batch,
                              String asOf, String groupBy) {
        String prefix = region.queryPrefix(requestedRegion, "region");
        ProjectReportFilter f = ProjectReportFilter.parse(year, category, batch);
        String s = source(source);
        LocalDate day = day(asOf);
        GroupBy grouping = GroupBy.parse(groupBy, "groupBy");
        int childLength = grouping == GroupBy.REGION ? ProjectGrouping.childLength(prefix, "groupBy") : 0;
        Filter filter = new Filter(prefix, f.year(), f.category(), f.batch(), s);
        return report(filter, day, grouping, childLength);
    }

    /** The report of a checked filter (also what the tests compare with {@link FundFigures#grouped}). */
    @Transactional
    public FundReport report(Filter filter, LocalDate day, GroupBy grouping, int childLength) {
        FundReportRepository.Result sums = repository.sums(filter, day, grouping, childLength);
        List<FundReport.Row> rows = new ArrayList<>();
        if (grouping != null) {
            Map<String, FundFigures.Figures> ordered = new TreeMap<>(FundFigures.KEY_ORDER);
            sums.groups().forEach((key, g) ->
                    ordered.put(grouping == GroupBy.REGION ? FundFigures.regionGroup(key) : key, g.figures()));
            ordered.forEach((key, g) -> rows.add(new FundReport.Row(key, g)));
        }
        return new FundReport(filter.regionPrefix(), filter.year(), filter.category(), filter.source(), filter.batch(), day,
                grouping == null ? null : grouping.value(), List.copyOf(rows), sums.total().figures());
    }

    private static String source(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (!ProjectFigures.FUND_SOURCES.contains(text)) {
            throw ApiProblem.validation("source", "must be one of " + String.join(", ", ProjectFigures.FUND_SOURCES));
        }
        return text;
    }

    private static LocalDate day(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            LocalDate d = LocalDate.parse(text, DAY);
            if (d.getYear() < 1900 || d.getYear() > 2100) {
                throw ApiProblem.validation("asOf", "must be a day between 1900-01-01 and 2100-12-31");
            }
            return d;
        } catch (DateTimeParseException e) {
            throw ApiProblem.validation("asOf", "must be a day as YYYY-MM-DD, e.g. 2020-12-31");
        }
    }
}
