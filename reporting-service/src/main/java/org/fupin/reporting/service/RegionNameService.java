package org.fupin.reporting.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.fupin.platform.audit.AuditTrail;
import org.fupin.platform.problem.ApiProblem;
import org.fupin.platform.region.RegionScope;
import org.fupin.reporting.config.ReportingConfig;
import org.fupin.reporting.domain.PopulationBatch;
import org.fupin.reporting.domain.RegionNameBatch;
import org.fupin.reporting.repository.RegionNameRepository;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Region names (区划名称): loaded in bulk by report-admin, read by the dashboard and the export title rows. */
@ApplicationScoped
public class RegionNameService {

    /** The name of the whole country in titles. */
    public static final String NATIONAL_NAME = "全国";

    @Inject
    RegionNameRepository names;
    @Inject
    RegionScope region;
    @Inject
    AuditTrail audit;
    @Inject
    ReportingConfig config;

    /** A region with its name; {@code name} null when none is loaded. */
    public record Named(String code, String prefix, String name, String level) {
    }

    /**
     * Loads a batch in one transaction: every row valid and inside the caller's region, or nothing is stored (400
     * naming each wrong field, 403 naming every code outside the caller's region).
     *
     * @return the number of names inserted or replaced
     */
    @Transactional
    public int load(List<RegionNameBatch.Candidate> rows) {
        List<RegionNameBatch.Entry> entries = RegionNameBatch.validate(rows, config.regionNames().maxBatchSize());
        List<ApiProblem.FieldError> outside = new ArrayList<>();
        Set<String> outsideCodes = new LinkedHashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            RegionNameBatch.Entry e = entries.get(i);
            if (!region.covers(e.code())) {
                outside.add(new ApiProblem.FieldError("[" + i + "].code", e.code() + " is outside your region"));
                outsideCodes.add(e.code());
            }
        }
        if (!outside.isEmpty()) {
            String own = region.prefix().isEmpty() ? "(national)" : region.prefix();
            ApiProblem forbidden = ApiProblem.forbidden("Region codes outside your region " + own + ": "
                    + String.join(", ", outsideCodes.stream().limit(100).toList())
                    + (outsideCodes.size() > 100 ? " and " + (outsideCodes.size() - 100) + " more" : "") + ". Nothing was stored.");
            outside.forEach(f -> forbidden.withField(f.field(), f.message()));
            throw forbidden.with("codes", List.copyOf(outsideCodes));
        }
        names.upsert(entries, audit.actor());
        audit.recordAll(entries.stream()
                .map(e -> new AuditTrail.Entry("region-name.loaded", "region_name", e.code(), e.code(), "name=" + e.name()))
                .toList());
        return entries.size();
    }

    /** The regions one level below {@code parent} (the caller's own region when absent) that are named or have data. */
    @Transactional
    public List<Named> children(String parent) {
        String prefix = region.queryPrefix(parent, "parent");
        int childLength = RegionNameBatch.childLength(prefix);
        if (childLength < 0) {
            return List.of();
        }
        return names.children(prefix, childLength).stream()
                .map(c -> named(c.prefix(), c.name()))
                .toList();
    }

    /** The regions asked for by code or prefix, each inside the caller's region (403 otherwise), named or not. */
    @Transactional
    public List<Named> of(List<String> codes) {
        List<String> prefixes = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            prefixes.add(region.queryPrefix(codes.get(i), "code"));
        }
        Map<String, String> byPrefix = names.names(prefixes);
        return prefixes.stream().distinct().map(p -> named(p, p.isEmpty() ? NATIONAL_NAME : byPrefix.get(p))).toList();
    }

    /** The loaded names of the prefixes given, by prefix (a prefix without a name is absent). */
    @Transactional
    public Map<String, String> namesOf(Collection<String> prefixes) {
        return names.names(prefixes);
    }

    /** The name of a region for a title: its loaded name, else its prefix; {@value #NATIONAL_NAME} for the country. */
    @Transactional
    public String titleOf(String prefix) {
        if (prefix == null || prefix.isEmpty()) {
            return NATIONAL_NAME;
        }
        String name = names.names(List.of(prefix)).get(prefix);
        return name == null ? prefix : name;
    }

    private static Named named(String prefix, String name) {
        return new Named(PopulationBatch.padded(prefix), prefix, name, RegionNameBatch.levelOf(prefix));
    }
}
