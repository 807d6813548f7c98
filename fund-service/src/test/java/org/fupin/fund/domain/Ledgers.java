package org.fupin.fund.domain;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.fupin.contracts.EventCatalog;
import org.fupin.contracts.EventSchemas;
import org.fupin.platform.money.Money;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A small in-memory fund office for the tests: the replica's projects, the documents, the accounts and every entry, kept
 * the way the service will keep them (each posting's accounts and document replace the stored ones, its entries are
 * appended). Every posting's events are checked against their JSON Schemas.
 */
final class Ledgers {

    static final LocalDate TODAY = LocalDate.of(2021, 3, 31);
    static final String COUNTY = "522428000000";
    static final String VILLAGE_A = "522428103201";
    static final String VILLAGE_B = "522428104202";
    static final String OTHER_COUNTY_VILLAGE = "522427101201";
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    final FundLedger ledger = new FundLedger(TODAY, () -> UUID.randomUUID().toString());
    final Map<String, FundProject> projects = new LinkedHashMap<>();
    final Map<String, AllocationDocument> documents = new LinkedHashMap<>();
    final Map<LedgerEntry.AccountKey, Account> accounts = new LinkedHashMap<>();
    final List<LedgerEntry> entries = new ArrayList<>();
    final List<Object> events = new ArrayList<>();

    static Money m(String s) {
        return Money.of(s);
    }

    static Map<FundSource, Money> budget(Object... kv) {
        Map<FundSource, Money> b = new EnumMap<>(FundSource.class);
        for (int i = 0; i < kv.length; i += 2) {
            b.put((FundSource) kv[i], m((String) kv[i + 1]));
        }
        return b;
    }

    FundProject project(String code, String region, ProjectStage stage, Object... budget) {
        FundProject p = new FundProject(UUID.randomUUID().toString(), code, region, "industry", 2019, budget(budget), stage);
        projects.put(p.id(), p);
        return p;
    }

    /** The replica learns a new budget or stage (a project event). */
    FundProject replace(FundProject p, ProjectStage stage, Object... budget) {
        FundProject q = new FundProject(p.id(), p.code(), p.regionCode(), p.category(), p.year(),
                budget.length == 0 ? p.budget() : budget(budget), stage);
        projects.put(q.id(), q);
        return q;
    }

    AllocationDocument document(String number, LocalDate date, FundSource source, String amount) {
        AllocationDocument d = AllocationDocument.create(UUID.randomUUID().toString(), new AllocationDocument.Input(number, date,
                source.code(), date.getYear(), "520000000000", COUNTY, amount), TODAY);
        documents.put(d.id(), d);
        return d;
    }

    Posting allocate(AllocationDocument doc, Object... projectAmount) {
        List<FundLedger.LineInput> lines = new ArrayList<>();
        for (int i = 0; i < projectAmount.length; i += 2) {
            lines.add(new FundLedger.LineInput(((FundProject) projectAmount[i]).id(), null, (String) projectAmount[i + 1]));
        }
        return store(ledger.allocate(documents.get(doc.id()), lines, projects, accounts));
    }

    Posting disburse(FundProject p, FundSource s, String amount, LocalDate date) {
        return store(ledger.disburse(projects.get(p.id()), account(p, s),
                new FundLedger.DisbursementInput(s.code(), amount, "BK-" + entries.size(), date), later(p, s, date)));
    }

    Posting reimburse(FundProject p, FundSource s, String amount, String voucher, LocalDate date) {
        FundProject q = projects.get(p.id());
        boolean taken = entries.stream().anyMatch(e -> e.kind() == EntryKind.REIMBURSEMENT && e.countyCode().equals(q.countyCode())
                && e.number().equals(voucher));
        return store(ledger.reimburse(q, account(p, s), new FundLedger.ReimbursementInput(s.code(), amount, voucher, date,
                "材料费"), taken, later(p, s, date)));
    }

    Posting reverse(LedgerEntry voucher, String reason, LocalDate date) {
        boolean reversed = entries.stream().anyMatch(e -> e.kind() == EntryKind.REVERSAL && voucher.id().equals(e.referenceId()));
        FundProject p = projects.get(voucher.projectId());
        return store(ledger.reverse(p, accounts.get(voucher.key()), voucher, reversed,
                new FundLedger.ReversalInput(reason, date, null)));
    }

    Posting adjust(FundProject from, FundProject to, FundSource s, String amount, LocalDate date) {
        return store(ledger.adjust(projects.get(from.id()), projects.get(to.id()), account(from, s), account(to, s),
                new FundLedger.AdjustmentInput(s.code(), amount, "X扶调〔2020〕3号", date, "项目调整"), later(from, s, date)));
    }

    Posting recall(FundProject p, FundSource s, String amount, LocalDate date) {
        return store(ledger.recall(projects.get(p.id()), account(p, s),
                new FundLedger.RecallInput(s.code(), amount, "X财收〔2021〕1号", date, null), later(p, s, date)));
    }

    Account account(FundProject p, FundSource s) {
        return accounts.get(new LedgerEntry.AccountKey(p.id(), s));
    }

    List<LedgerEntry> later(FundProject p, FundSource s, LocalDate date) {
        LedgerEntry.AccountKey k = new LedgerEntry.AccountKey(p.id(), s);
        return entries.stream().filter(e -> e.key().equals(k) && e.date().isAfter(date)).toList();
    }

    Posting store(Posting posting) {
        posting.accounts().forEach(a -> accounts.put(a.key(), a));
        entries.addAll(posting.entries());
        if (posting.document() != null) {
            documents.put(posting.document().id(), posting.document());
        }
        posting.events().forEach(e -> {
            assertValid(e.event());
            events.add(e.event());
        });
        checkTotals();
        return posting;
    }

    /** The stored totals are the sums of the entries (as of "everything"). */
    void checkTotals() {
        Map<LedgerEntry.AccountKey, LedgerAsOf.Figures> sums = LedgerAsOf.accounts(entries, null);
        for (Account a : accounts.values()) {
            LedgerAsOf.Figures f = sums.getOrDefault(a.key(), LedgerAsOf.Figures.ZERO);
            assertEquals(f, new LedgerAsOf.Figures(a.allocated(), a.disbursed(), a.reimbursed()), a.key().toString());
        }
    }

    static void assertValid(Object event) {
        try {
            String type = EventCatalog.typeOf(event.getClass()).value();
            String json = JSON.writeValueAsString(event);
            assertEquals(Set.of(), EventSchemas.validate(type, json), json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    static <T> List<T> ofType(Collection<Object> events, Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
