package org.fupin.reporting.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.fupin.contracts.fund.FundAllocatedV1;
import org.fupin.contracts.fund.FundAllocationAdjustedV1;
import org.fupin.contracts.fund.FundDisbursedV1;
import org.fupin.contracts.fund.FundRecalledV1;
import org.fupin.contracts.fund.FundReimbursedV1;
import org.fupin.contracts.fund.FundReimbursementReversedV1;
import org.fupin.platform.inbox.InboundEvent;
import org.fupin.platform.inbox.PoisonEventException;
import org.fupin.platform.region.RegionCode;
import org.fupin.reporting.domain.FundFigures.FundFact;
import org.fupin.reporting.repository.FundFactRepository;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Applies fund events (one ledger entry each) to the fund facts, set-based, inside the inbox's transaction (which has
 * already deduplicated the event ids): each entry id counts once — an entry already held is skipped, also when another
 * event id brings it — and its signed deltas are added to the monthly sums in the same statement
 * ({@link FundFactRepository}). The mapping of each type to its deltas is the domain's ({@link FundFact} factories).
 * <p>
 * An event that breaks its contract (unreadable payload, ids that are no UUIDs, a region that is not 12 digits, an amount
 * that is no positive decimal with two decimals, an adjustment side other than OUT/IN, no date) throws
 * {@link PoisonEventException} before anything is written, so the inbox can isolate it. Types newer than this version are
 * ignored. Fund events need no project event first: the money counts under the region the event carries until the
 * project is known (docs/fund-ledger.md, choice 10).
 */
@ApplicationScoped
public class FundProjection {

    private static final Logger LOG = Logger.getLogger(FundProjection.class);

    @Inject
    ObjectMapper json;
    @Inject
    FundFactRepository facts;

    /**
     * @param events deduplicated events in record order
     * @throws PoisonEventException when an event violates its contract; nothing is written then
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void applyAll(List<InboundEvent> events) {
        Map<String, FundFactRepository.Entry> entries = new LinkedHashMap<>();
        for (InboundEvent e : events) {
            FundFactRepository.Entry entry = entry(e);
            if (entry == null) {
                LOG.debugf("event %s (%s) changes no fund figure", e.id(), e.type());
            } else {
                entries.putIfAbsent(entry.fact().entryId(), entry);
            }
        }
        int added = facts.insert(new ArrayList<>(entries.values()));
        if (added < entries.size()) {
            LOG.debugf("%d of %d entries were held already", entries.size() - added, entries.size());
        }
    }

    /** The event's entry, null for a type that changes no figure. */
    private FundFactRepository.Entry entry(InboundEvent event) {
        try {
            FundFact fact;
            String county;
            switch (event.type()) {
                case "fund.allocated.v1": {
                    var e = read(event, FundAllocatedV1.class);
                    county = e.countyCode();
                    fact = FundFact.allocated(uuid(e.entryId(), "entry"), uuid(e.projectId(), "project"), region(e.regionCode()),
                            e.source(), date(e.effectiveDate()), amount(e.amount()));
                    break;
                }
                case "fund.allocation-adjusted.v1": {
                    var e = read(event, FundAllocationAdjustedV1.class);
                    if (!"OUT".equals(e.side()) && !"IN".equals(e.side())) {
                        throw new PoisonEventException("adjustment side must be OUT or IN: " + e.side());
                    }
                    county = e.countyCode();
                    fact = FundFact.adjusted(uuid(e.entryId(), "entry"), uuid(e.projectId(), "project"), region(e.regionCode()),
                            e.source(), date(e.effectiveDate()), e.side(), amount(e.amount()));
                    break;
                }
                case "fund.disbursed.v1": {
                    var e = read(event, FundDisbursedV1.class);
                    county = e.countyCode();
                    fact = FundFact.disbursed(uuid(e.entryId(), "entry"), uuid(e.projectId(), "project"), region(e.regionCode()),
                            e.source(), date(e.effectiveDate()), amount(e.amount()));
                    break;
                }
                case "fund.reimbursed.v1": {
                    var e = read(event, FundReimbursedV1.class);
                    county = e.countyCode();
                    fact = FundFact.reimbursed(uuid(e.entryId(), "entry"), uuid(e.projectId(), "project"), region(e.regionCode()),
                            e.source(), date(e.effectiveDate()), amount(e.amount()));
                    break;
                }
                case "fund.reimbursement-reversed.v1": {
                    var e = read(event, FundReimbursementReversedV1.class);
                    county = e.countyCode();
                    fact = FundFact.reversed(uuid(e.entryId(), "entry"), uuid(e.projectId(), "project"), region(e.regionCode()),
                            e.source(), date(e.effectiveDate()), amount(e.amount()));
                    break;
                }
                case "fund.recalled.v1": {
                    var e = read(event, FundRecalledV1.class);
                    county = e.countyCode();
                    BigDecimal returned = part(e.returnedAmount(), "returnedAmount");
                    BigDecimal amount = amount(e.amount());
                    if (returned.compareTo(amount) > 0) {
                        throw new PoisonEventException("returnedAmount " + returned + " exceeds the recalled amount " + amount);
                    }
                    fact = FundFact.recalled(uuid(e.entryId(), "entry"), uuid(e.projectId(), "project"), region(e.regionCode()),
                            e.source(), date(e.effectiveDate()), amount, returned);
                    break;
                }
                default:
                    return null; // a type newer than this version: no figure depends on it yet
            }
            if (fact.source() == null || fact.source().isBlank()) {
                throw new PoisonEventException("fund event without source");
            }
            return new FundFactRepository.Entry(event.id(), event.type(), county, fact);
        } catch (JsonProcessingException | RuntimeException e) {
            if (e instanceof PoisonEventException p) {
                throw new PoisonEventException("malformed " + event.type() + " event " + event.id() + ": " + p.getMessage(), p);
            }
            throw new PoisonEventException("malformed " + event.type() + " event " + event.id() + ": " + e.getClass().getSimpleName()
                    + ": " + e.getMessage(), e);
        }
    }

    private <T> T read(InboundEvent event, Class<T> type) throws JsonProcessingException {
        if (event.payload() == null) {
            throw new PoisonEventException(event.type() + " event " + event.id() + " without payload");
        }
        return json.readValue(event.payload(), type);
    }

    private static String uuid(String id, String what) {
        try {
            return UUID.fromString(id).toString();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new PoisonEventException(what + " id is not a UUID: " + id, e);
        }
    }

    private static String region(String code) {
        if (!RegionCode.isValidCode(code)) {
            throw new PoisonEventException("regionCode must be 12 digits: " + code);
        }
        return code;
    }

    private static LocalDate date(LocalDate d) {
        if (d == null) {
            throw new PoisonEventException("effectiveDate missing");
        }
        return d;
    }

    /** A positive amount, two decimals. */
    private static BigDecimal amount(String text) {
        BigDecimal a = part(text, "amount");
        if (a.signum() <= 0) {
            throw new PoisonEventException("amount must be more than zero: " + text);
        }
        return a;
    }

    /** An amount ≥ 0 with two decimals, within NUMERIC(14,2). */
    private static BigDecimal part(String text, String field) {
        if (text == null || !text.matches("[0-9]{1,12}\\.[0-9]{2}")) {
            throw new PoisonEventException(field + " must be a decimal string with two decimals: " + text);
        }
        return new BigDecimal(text);
    }
}
