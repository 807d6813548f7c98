package org.fupin.household.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.fupin.household.repository.Household;
import org.fupin.household.repository.HouseholdRepository;
import org.fupin.platform.http.ETags;
import org.fupin.platform.problem.ApiProblem;
import org.fupin.platform.region.RegionScope;

import java.util.UUID;

/** The first step of every use case: the household, inside the caller's region (404 outside), locked when it changes. */
@ApplicationScoped
public class HouseholdLoader {

    @Inject
    HouseholdRepository households;
    @Inject
    RegionScope region;

    /** To change it: locked, readable and writable by the caller, at the version the caller read (If-Match). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Household forChange(UUID id, String ifMatch) {
        Household h = households.findForUpdate(id).orElseThrow(() -> ApiProblem.notFound("household", id));
        region.requireReadable(h.regionCode, "household", id);
        region.requireWritable(h.regionCode, "regionCode");
        ETags.requireMatch(ifMatch, h.version);
        return h;
    }

    /** To add to it without changing the household itself (measures, visits): readable and writable, not locked. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Household forAddition(UUID id) {
        Household h = forRead(id);
        region.requireWritable(h.regionCode, "regionCode");
        return h;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Household forRead(UUID id) {
        Household h = households.findByIdOptional(id).orElseThrow(() -> ApiProblem.notFound("household", id));
        region.requireReadable(h.regionCode, "household", id);
        return h;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Household byCode(String code) {
        Household h = households.findByCode(code).orElseThrow(() -> ApiProblem.notFound("household", code));
        region.requireReadable(h.regionCode, "household", code);
        return h;
    }
}
