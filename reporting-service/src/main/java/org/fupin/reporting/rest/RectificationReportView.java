package org.fupin.reporting.rest;

import org.fupin.platform.money.Rate;
import org.fupin.reporting.domain.RectificationFigures;
import org.fupin.reporting.service.RectificationReport;

import java.time.LocalDate;
import java.util.List;

/**
 * The rectification figures of a region prefix (整改统计), optionally filtered, as of the end of a day, grouped one level.
 *
 * @param region     the region prefix asked for ({@code ""} = national)
 * @param year       the year filtered on (the source document's year), null = all
 * @param sourceType the source type filtered on (inspection, assessment, audit, supervision, self-check, system-check),
 *                   null = all
 * @param source     the source (id) filtered on, null = all
 * @param category   the category code filtered on, null = all
 * @param unit       the lead responsible unit filtered on, null = all
 * @param asOf       the day counted: the figures stand at its end (today in China when not asked)
 * @param groupBy    source, sourceType, category, unit, region or year; null = the total only
 * @param rows       one per group, keys ascending as text; empty without groupBy
 * @param total      the figures over everything in scope
 */
public record RectificationReportView(String region, Integer year, String sourceType, String source, String category,
                                      String unit, LocalDate asOf, String groupBy, List<Row> rows, Figures total) {

    /**
     * @param group a source id, a source type, a category code, a lead unit, a region prefix one level below the one asked
     *              for (issues of the asked region itself fall in its own prefix), or a year
     * @param label the source's document number (e.g. X扶组〔2021〕2号) when grouped by source, else null
     */
    public record Row(String group, String label, Figures figures) {
    }

    /**
     * Counts of issues as of the day; rates {@code {numerator, denominator, percent, defined}}, percent half-up to two
     * decimals, undefined (percent null) when the denominator is 0.
     *
     * @param raised              raised by the day
     * @param open                OPEN on the day
     * @param inProgress          IN_PROGRESS
     * @param reported            REPORTED (awaiting verification)
     * @param closed              CLOSED (销号)
     * @param returned            RETURNED on the day
     * @param returnedAtLeastOnce sent back at least once by the day
     * @param overdue             past the deadline in force on the day and not closed
     * @param longTermOpen        long-term (中长期) and not closed
     * @param closedOnTime        closed on or before the deadline in force on the closing day
     * @param closureRate         销号率: closed ÷ raised
     * @param onTimeClosureRate   按期销号率: closedOnTime ÷ closed
     */
    public record Figures(long raised, long open, long inProgress, long reported, long closed, long returned,
                          long returnedAtLeastOnce, long overdue, long longTermOpen, long closedOnTime, Rate closureRate,
                          Rate onTimeClosureRate) {
        static Figures of(RectificationFigures.Figures f) {
            return new Figures(f.raised(), f.open(), f.inProgress(), f.reported(), f.closed(), f.returned(),
                    f.returnedAtLeastOnce(), f.overdue(), f.longTermOpen(), f.closedOnTime(), f.closureRate(),
                    f.onTimeClosureRate());
        }
    }

    public static RectificationReportView of(RectificationReport r) {
        return new RectificationReportView(r.region(), r.year(), r.sourceType(), r.source(), r.category(), r.unit(), r.asOf(),
                r.groupBy(), r.rows().stream().map(row -> new Row(row.group(), row.label(), Figures.of(row.figures()))).toList(),
                Figures.of(r.total()));
    }
}
