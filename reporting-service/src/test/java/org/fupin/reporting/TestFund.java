package org.fupin.reporting;

import org.fupin.contracts.EventCatalog;
import org.fupin.contracts.EventSchemas;
import org.fupin.contracts.Topics;
import org.fupin.contracts.fund.FundAllocatedV1;
import org.fupin.contracts.fund.FundAllocationAdjustedV1;
import org.fupin.contracts.fund.FundDisbursedV1;
import org.fupin.contracts.fund.FundRecalledV1;
import org.fupin.contracts.fund.FundReimbursedV1;
import org.fupin.contracts.fund.FundReimbursementReversedV1;
import org.fupin.reporting.domain.FundFigures.FundFact;
import org.fupin.testsupport.SuiteInfrastructure;
import org.fupin.testsupport.TestEvents;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * One project's fund ledger as fund-service's relay publishes it ({@code fupin.fund.v1}, key = project id, version = the
 * project's ledger version, one event per entry), checked against the JSON Schemas. Events are kept until {@link #send()}
 * (or a test sends {@link #events} in an order of its own); {@link #facts} are the same entries for {@code FundFigures}.
 */
public final class TestFund {

    /** An event ready to send; sending it again is a redelivery (same event id). */
    public record Sent(UUID eventId, String type, String projectId, long version, String region, String payload) {
        public void send() {
            TestEvents.publish(SuiteInfrastructure.kafka().bootstrapServers(), Topics.FUND, eventId, type, projectId, version,
                    region, payload);
        }

        /** The same entry under a new event id (the inbox lets it through; the entry id must stop it). */
        public Sent again() {
            return new Sent(UUID.randomUUID(), type, projectId, version, region, payload);
        }
    }

    public final String projectId;
    public final String region;
    public final String county;
    public final List<Sent> events = new ArrayList<>();
    public final List<FundFact> facts = new ArrayList<>();
    private long version;
    private int sent;

    public TestFund(String projectId, String regionCode) {
        this.projectId = projectId;
        this.region = regionCode;
        this.county = regionCode.substring(0, 6) + "000000";
    }

    public TestFund(TestProject p) {
        this(p.id, p.region);
    }

    public String allocate(String source, String amount, LocalDate date) {
        String entry = UUID.randomUUID().toString();
        add(new FundAllocatedV1(entry, projectId, region, county, source, amount, UUID.randomUUID().toString(),
                "X财农〔" + date.getYear() + "〕" + (events.size() + 1) + "号", date, date.getYear(), county, date));
        facts.add(FundFact.allocated(entry, projectId, region, source, date, new BigDecimal(amount)));
        return entry;
    }

    public String disburse(String source, String amount, LocalDate date) {
        String entry = UUID.randomUUID().toString();
        add(new FundDisbursedV1(entry, projectId, region, county, source, amount, "ZF-" + entry.substring(0, 8), date, date));
        facts.add(FundFact.disbursed(entry, projectId, region, source, date, new BigDecimal(amount)));
        return entry;
    }

    public String reimburse(String source, String amount, LocalDate date) {
        String entry = UUID.randomUUID().toString();
        add(new FundReimbursedV1(entry, projectId, region, county, source, amount, "PZ-" + entry.substring(0, 8), date,
                "材料费", date));
        facts.add(FundFact.reimbursed(entry, projectId, region, source, date, new BigDecimal(amount)));
        return entry;
    }

    /** 红字冲销 of a voucher of this ledger, on the date given. */
    public String reverse(String voucherEntryId, String source, String amount, LocalDate voucherDate, LocalDate date) {
        String entry = UUID.randomUUID().toString();
        add(new FundReimbursementReversedV1(entry, voucherEntryId, projectId, region, county, source, amount,
                "PZ-" + voucherEntryId.substring(0, 8), voucherDate, "wrong voucher", date));
        facts.add(FundFact.reversed(entry, projectId, region, source, date, new BigDecimal(amount)));
        return entry;
    }

    /** 资金调整 from this ledger's project to another's: one event under each project. */
    public void adjustTo(TestFund to, String source, String amount, LocalDate date) {
        String adjustment = UUID.randomUUID().toString();
        String out = UUID.randomUUID().toString();
        String in = UUID.randomUUID().toString();
        add(new FundAllocationAdjustedV1(out, adjustment, projectId, region, county, source, "OUT", amount, to.projectId,
                "X财农调〔" + date.getYear() + "〕1号", date, "project cancelled", date));
        facts.add(FundFact.adjusted(out, projectId, region, source, date, "OUT", new BigDecimal(amount)));
        to.add(new FundAllocationAdjustedV1(in, adjustment, to.projectId, to.region, to.county, source, "IN", amount, projectId,
                "X财农调〔" + date.getYear() + "〕1号", date, "project cancelled", date));
        to.facts.add(FundFact.adjusted(in, to.projectId, to.region, source, date, "IN", new BigDecimal(amount)));
    }

    /** 结余资金收回: amount = undisbursed + returned. */
    public String recall(String source, String undisbursed, String returned, String stage, LocalDate date) {
        String entry = UUID.randomUUID().toString();
        BigDecimal amount = new BigDecimal(undisbursed).add(new BigDecimal(returned));
        add(new FundRecalledV1(entry, projectId, region, county, source, amount.toPlainString(), undisbursed, returned, stage,
                "X财农收〔" + date.getYear() + "〕1号", date, date));
        facts.add(FundFact.recalled(entry, projectId, region, source, date, amount, new BigDecimal(returned)));
        return entry;
    }

    /** Sends the events not sent yet, in order. */
    public TestFund send() {
        while (sent < events.size()) {
            events.get(sent++).send();
        }
        return this;
    }

    private void add(Object event) {
        String type = EventCatalog.typeOf(event.getClass()).value();
        String payload = TestHousehold.json(event);
        assertEquals(Set.of(), EventSchemas.validate(type, payload), type + " payload must match its schema: " + payload);
        events.add(new Sent(UUID.randomUUID(), type, projectId, ++version, region, payload));
    }
}
