package org.fupin.reporting.rest;

import org.fupin.platform.money.Rate;
import org.fupin.reporting.service.Freshness;
import org.fupin.reporting.service.HouseholdReport;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Household figures of a region prefix (建档立卡、脱贫、返贫、剔除、剩余贫困、监测), optionally for one year.
 *
 * @param region                     the region prefix asked for ({@code ""} = national)
 * @param year                       the year asked for; null = all years
 * @param registered                 registered households, exited ones included, removed ones not (year: identification year)
 * @param exited                     households now exited (year: exit year)
 * @param returned                   households that returned to poverty at least once (year: latest return year)
 * @param removed                    households removed as wrongly registered (year: removal year, China time)
 * @param remaining                  households poor now (registered, not exited or removed), whatever the year
 * @param monitored                  monitored households now (防返贫监测对象), removed ones excluded, whatever the year
 * @param population                 registered population of the region (loaded figures), null when none is loaded
 * @param povertyIncidence           remaining persons ÷ population; undefined when no population is loaded
 * @param mayLeavePoorCountyList     only for a county (6-digit prefix) with a defined incidence: whether it is below
 *                                   the threshold; null otherwise
 * @param incidenceThresholdPercent  the poor-county threshold of the region's province ("2.00" or "3.00"); null nationally
 * @param dataQuality                data-comparison findings (数据比对)
 * @param registeredHouseholds       = registered.households (kept for existing clients)
 * @param registeredPersons          = registered.persons (kept for existing clients)
 * @param freshness                  the time of the latest household event applied
 * @param groupBy                    region or year; null = the region's figures only
 * @param rows                       one per group (regions by code, years ascending); empty without groupBy
 */
public record HouseholdFigures(String region, Integer year,
                               Count registered, Count exited, Count returned, Count removed, Count remaining, Count monitored,
                               Long population, Rate povertyIncidence, Boolean mayLeavePoorCountyList,
                               String incidenceThresholdPercent, DataQuality dataQuality,
                               long registeredHouseholds, long registeredPersons, OffsetDateTime asOf,
                               Freshness freshness, String groupBy, List<Row> rows) {

    /**
     * @param group   a region prefix one level below the one asked for (those that have or had households), or a year
     * @param figures the group's figures: for a year, the year-bound ones (registered, exited, returned, removed) of
     *                that year; remaining, monitored and the incidence are as of now in every row
     */
    public record Row(String group, Figures figures) {
    }

    /** The figures of a row, as the top level's. */
    public record Figures(Count registered, Count exited, Count returned, Count removed, Count remaining, Count monitored,
                          Long population, Rate povertyIncidence, Boolean mayLeavePoorCountyList,
                          String incidenceThresholdPercent, DataQuality dataQuality) {
        static Figures of(HouseholdReport r) {
            return new Figures(Count.of(r.registered()), Count.of(r.exited()), Count.of(r.returned()), Count.of(r.removed()),
                    Count.of(r.remaining()), Count.of(r.monitored()), r.population(), r.povertyIncidence(),
                    r.mayLeavePoorCountyList(), r.incidenceThresholdPercent(), new DataQuality(r.personsInSeveralHouseholds()));
        }
    }

    /** The top level's figures as a row's (the total row of the table). */
    public Figures figures() {
        return new Figures(registered, exited, returned, removed, remaining, monitored, population, povertyIncidence,
                mayLeavePoorCountyList, incidenceThresholdPercent, dataQuality);
    }

    /** Households and the persons in them (current member counts). */
    public record Count(long households, long persons) {
        static Count of(HouseholdReport.Count c) {
            return new Count(c.households(), c.persons());
        }
    }

    public static HouseholdFigures of(HouseholdReport r, Freshness freshness) {
        return new HouseholdFigures(r.region(), r.year(), Count.of(r.registered()), Count.of(r.exited()), Count.of(r.returned()),
                Count.of(r.removed()), Count.of(r.remaining()), Count.of(r.monitored()), r.population(), r.povertyIncidence(),
                r.mayLeavePoorCountyList(), r.incidenceThresholdPercent(), new DataQuality(r.personsInSeveralHouseholds()),
                r.registered().households(), r.registered().persons(), r.asOf(), freshness, r.groupBy(),
                r.rows().stream().map(row -> new Row(row.group(), Figures.of(row.figures()))).toList());
    }

    /** @param personsInSeveralHouseholds person ids found in more than one non-removed household inside the region */
    public record DataQuality(long personsInSeveralHouseholds) {
    }
}
