package org.fupin.household.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.fupin.household.config.HouseholdConfig;
import org.fupin.household.repository.PovertyLineRepository;
import org.fupin.platform.audit.AuditTrail;
import org.fupin.platform.problem.ApiProblem;
import org.fupin.platform.region.RegionScope;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/**
 * The poverty line (贫困线) that applies to a household: the line of its province for the year, else the national
 * default for the year, else none (an exit in that year is refused). Each of the two comes first from what an
 * administrator loaded ({@code poverty_line}), then from configuration
 * ({@code fupin.household.province-poverty-line."52"."2021"}, {@code fupin.household.poverty-line."2021"}), so a new
 * year's line needs no release.
 */
@ApplicationScoped
public class PovertyLines {

    /** The province code of the national default. */
    public static final String NATIONAL = "00";

    public enum Scope { PROVINCE, NATIONAL }

    public enum Origin { ADMINISTRATOR, CONFIGURATION }

    /** A line and where it comes from. */
    public record Line(String provinceCode, int year, BigDecimal amount, Scope scope, Origin origin) {
    }

    @Inject
    PovertyLineRepository lines;
    @Inject
    HouseholdConfig config;
    @Inject
    RegionScope region;
    @Inject
    AuditTrail audit;

    /** The amount of the line for a region code (or prefix) in a year; empty when there is none or no year. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<BigDecimal> lineFor(String regionCode, Integer year) {
        return year == null ? Optional.empty() : find(regionCode, year).map(Line::amount);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Line> find(String regionCode, int year) {
        String province = regionCode != null && regionCode.length() >= 2 ? regionCode.substring(0, 2) : NATIONAL;
        if (!province.equals(NATIONAL)) {
            Optional<BigDecimal> loaded = lines.amount(province, year);
            if (loaded.isPresent()) {
                return Optional.of(new Line(province, year, loaded.get(), Scope.PROVINCE, Origin.ADMINISTRATOR));
            }
            Optional<BigDecimal> configured = Optional.ofNullable(config.provincePovertyLine().getOrDefault(province, Map.of())
                    .get(Integer.toString(year)));
            if (configured.isPresent()) {
                return Optional.of(new Line(province, year, configured.get(), Scope.PROVINCE, Origin.CONFIGURATION));
            }
        }
        Optional<BigDecimal> loaded = lines.amount(NATIONAL, year);
        if (loaded.isPresent()) {
            return Optional.of(new Line(NATIONAL, year, loaded.get(), Scope.NATIONAL, Origin.ADMINISTRATOR));
        }
        return config.lineFor(year).map(amount -> new Line(NATIONAL, year, amount, Scope.NATIONAL, Origin.CONFIGURATION));
    }

    /**
     * Loads the line of a province ({@code 00}: the national default) for a year. A provincial administrator sets only
     * the own province; only a national one sets the national default.
     */
    @Transactional
    public Line set(String provinceCode, int year, BigDecimal amount) {
        // a province's lines belong to its region: 52 → 520000000000, the national default 00 → 000000000000 (prefix "")
        region.requireWritable(provinceCode + "0000000000", "provinceCode");
        if (provinceCode.equals(NATIONAL) && !region.prefix().isEmpty()) {
            throw ApiProblem.forbidden("Only a national administrator sets the national poverty line.").withField("provinceCode");
        }
        if (amount.signum() <= 0) {
            throw ApiProblem.validation("amount", "must be more than 0");
        }
        lines.upsert(provinceCode, year, amount, audit.actor());
        audit.record("poverty-line.set", "poverty-line", provinceCode + "/" + year,
                provinceCode.equals(NATIONAL) ? "000000000000" : provinceCode + "0000000000", amount.toPlainString());
        return new Line(provinceCode, year, amount, provinceCode.equals(NATIONAL) ? Scope.NATIONAL : Scope.PROVINCE,
                Origin.ADMINISTRATOR);
    }
}
