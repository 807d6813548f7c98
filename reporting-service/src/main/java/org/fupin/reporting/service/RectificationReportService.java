package org.fupin.reporting.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.fupin.platform.problem.ApiProblem;
import org.fupin.platform.region.RegionScope;
import org.fupin.reporting.domain.ProjectGrouping;
import org.fupin.reporting.domain.RectificationFigures;
import org.fupin.reporting.domain.RectificationFigures.Filter;
import org.fupin.reporting.domain.RectificationFigures.GroupBy;
import org.fupin.reporting.domain.ReportYear;
import org.fupin.reporting.repository.RectificationFactRepository;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The rectification figures (整改): issues raised, open, in progress, reported, closed (销号), returned, overdue, long-term
 * open, closure rate and on-time closure rate as of the end of a day, from the issue facts ({@link RectificationFactRepository})
 * by the domain ({@link RectificationFigures}).
 */
@ApplicationScoped
public class RectificationReportService {

    /** The day a report counts when none is asked for: today in China. */
    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern CATEGORY = Pattern.compile("[a-z][a-z-]{0,63}");
    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    @Inject
    RectificationFactRepository repository;
    @Inject
    RegionScope region;

    /**
     * @throws ApiProblem 400 naming the parameter that is wrong; 403 for a region outside the caller's (as the other
     *                    reports)
     */
    @Transactional
    public RectificationReport figures(String requestedRegion, String year, String sourceType, String source, String category,
                                       String unit, String asOf, String groupBy) {
        String prefix = region.queryPrefix(requestedRegion, "region");
        Integer y = ReportYear.parse(year, "year");
        String type = sourceType(sourceType);
        String sourceId = source(source);
        String c = category(category);
        String u = unit(unit);
        LocalDate day = day(asOf);
        GroupBy grouping = GroupBy.parse(groupBy, "groupBy");
        if (grouping == GroupBy.REGION) {
            ProjectGrouping.childLength(prefix, "groupBy"); // 400 for a village: nothing below it
        }
        return report(new Filter(prefix, y, type, sourceId, c, u), day, grouping);
    }

    /** The report of a checked filter (also what the tests compare with {@link RectificationFigures#report}). */
    @Transactional
    public RectificationReport report(Filter filter, LocalDate day, GroupBy grouping) {
        RectificationFigures.Grouped g = RectificationFigures.report(repository.facts(filter, day), day, filter, grouping);
        return new RectificationReport(filter.regionPrefix(), filter.year(), filter.sourceType(), filter.sourceId(),
                filter.category(), filter.unit(), day, grouping == null ? null : grouping.value(), g.rows(), g.total());
    }

    private static String sourceType(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (!RectificationFigures.SOURCE_TYPES.contains(text)) {
            throw ApiProblem.validation("sourceType", "must be one of " + String.join(", ", RectificationFigures.SOURCE_TYPES));
        }
        return text;
    }

    private static String source(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (!UUID_TEXT.matcher(text).matches()) {
            throw ApiProblem.validation("source", "must be a source id (a UUID in lower case)");
        }
        return UUID.fromString(text).toString();
    }

    private static String category(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (!CATEGORY.matcher(text).matches()) {
            throw ApiProblem.validation("category", "must be a category code, e.g. identification-accuracy");
        }
        return text;
    }

    /** A unit code as the tokens' unit claim carries it, compared after trimming (as rectification-service does). */
    private static String unit(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.trim();
        if (t.length() > 100 || t.chars().anyMatch(Character::isISOControl)) {
            throw ApiProblem.validation("unit", "must be a unit code of at most 100 characters without control characters");
        }
        return t;
    }

    private static LocalDate day(String text) {
        if (text == null || text.isBlank()) {
            return LocalDate.now(CHINA);
        }
        try {
            LocalDate d = LocalDate.parse(text, DAY);
            if (d.getYear() < 1900 || d.getYear() > 2100) {
                throw ApiProblem.validation("asOf", "must be a day between 1900-01-01 and 2100-12-31");
            }
            return d;
        } catch (DateTimeParseException e) {
            throw ApiProblem.validation("asOf", "must be a day as YYYY-MM-DD, e.g. 2021-12-31");
        }
    }
}
