package org.fupin.rectification.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.fupin.platform.inbox.InboundEvent;
import org.fupin.platform.inbox.PoisonEventException;
import org.fupin.rectification.repository.FundDocumentReplicaRcRepository;
import org.fupin.rectification.repository.FundDocumentReplicaRcRepository.FundDocument;
import org.fupin.rectification.repository.ProjectReplicaRcRepository;
import org.fupin.rectification.repository.ProjectReplicaRcRepository.FundEntry;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.fupin.rectification.event.ProjectReplicaProjection.date;
import static org.fupin.rectification.event.ProjectReplicaProjection.text;
import static org.fupin.rectification.event.ProjectReplicaProjection.uuid;

/**
 * Applies fund events inside the inbox's transaction to the projects' reimbursed sums (报账): a reimbursement adds its
 * amount, a reversal (红字冲销) deducts it; each entry counts once, by its {@code entryId}, whatever the order or the
 * number of deliveries; and to the replica of allocation documents (资金下达文件) that fund-document links are checked
 * against: an allocation ({@code fund.allocated.v1}, one line of a document) makes its document known with its
 * receiving county. The other fund events (disbursements, adjustments, recalls) change nothing this service reads.
 * A reimbursement event without a readable entry id, project id or amount, or an allocation without a readable
 * document id, number, date, year, issuing region, county or source, is poison.
 */
@ApplicationScoped
public class FundEntriesProjection {

    static final String REIMBURSED = "fund.reimbursed.v1";
    static final String REVERSED = "fund.reimbursement-reversed.v1";
    static final String ALLOCATED = "fund.allocated.v1";
    private static final BigDecimal LIMIT = new BigDecimal("1000000000000");

    @Inject
    ObjectMapper json;
    @Inject
    ProjectReplicaRcRepository replica;
    @Inject
    FundDocumentReplicaRcRepository documents;

    /** @return the projects whose reimbursed sum an event of the batch may have changed */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<UUID> applyAll(List<InboundEvent> events) {
        Map<UUID, FundEntry> entries = new LinkedHashMap<>();
        Map<UUID, FundDocument> allocationDocuments = new LinkedHashMap<>();
        for (InboundEvent e : events) {
            if (ALLOCATED.equals(e.type())) {
                FundDocument d = document(e);
                allocationDocuments.putIfAbsent(d.id(), d);
                continue;
            }
            FundEntry f = entry(e);
            if (f != null) {
                entries.putIfAbsent(f.entryId(), f);
            }
        }
        documents.addAll(allocationDocuments.values());
        replica.addFundEntries(entries.values());
        Set<UUID> projects = new LinkedHashSet<>();
        entries.values().forEach(f -> projects.add(f.projectId()));
        return projects;
    }

    private FundDocument document(InboundEvent event) {
        try {
            if (event.payload() == null) {
                throw new PoisonEventException(event.type() + " event " + event.id() + " without payload");
            }
            JsonNode n = json.readTree(event.payload());
            UUID id = uuid(text(n, "documentId"), "document id");
            String number = required(event, n, "documentNumber", 100);
            LocalDate day = date(n, "documentDate");
            JsonNode year = n.get("documentYear");
            String issuing = required(event, n, "issuingRegion", 12);
            String county = required(event, n, "countyCode", 12);
            String source = required(event, n, "source", 64);
            if (day == null || year == null || !year.canConvertToInt()) {
                throw new PoisonEventException(event.type() + " event " + event.id() + " without documentDate or documentYear");
            }
            if (!county.matches("\\d{12}") || !issuing.matches("\\d{12}")) {
                throw new PoisonEventException(event.type() + " event " + event.id() + ": countyCode/issuingRegion are no region codes");
            }
            return new FundDocument(id, number, day, year.asInt(), issuing, county, source, event.id());
        } catch (JsonProcessingException | RuntimeException e) {
            if (e instanceof PoisonEventException p) {
                throw p;
            }
            throw new PoisonEventException("malformed " + event.type() + " event " + event.id() + ": " + e.getClass().getSimpleName(), e);
        }
    }

    private static String required(InboundEvent event, JsonNode n, String field, int max) {
        String v = text(n, field);
        if (v == null || v.isBlank() || v.length() > max) {
            throw new PoisonEventException(event.type() + " event " + event.id() + ": no valid " + field);
        }
        return v;
    }

    private FundEntry entry(InboundEvent event) {
        int sign;
        if (REIMBURSED.equals(event.type())) {
            sign = 1;
        } else if (REVERSED.equals(event.type())) {
            sign = -1;
        } else {
            return null;
        }
        try {
            if (event.payload() == null) {
                throw new PoisonEventException(event.type() + " event " + event.id() + " without payload");
            }
            JsonNode n = json.readTree(event.payload());
            UUID entryId = uuid(text(n, "entryId"), "entry id");
            UUID projectId = uuid(text(n, "projectId"), "project id");
            String text = text(n, "amount");
            BigDecimal amount = text == null ? null : new BigDecimal(text);
            if (amount == null || amount.signum() <= 0 || amount.scale() > 2 || amount.compareTo(LIMIT) >= 0) {
                throw new PoisonEventException(event.type() + " event " + event.id() + ": amount is no positive yuan amount: " + text);
            }
            LocalDate effective = date(n, "effectiveDate");
            if (effective == null) {
                throw new PoisonEventException(event.type() + " event " + event.id() + " without effectiveDate");
            }
            return new FundEntry(entryId, projectId, event.type(), sign > 0 ? amount : amount.negate(), effective);
        } catch (JsonProcessingException | RuntimeException e) {
            if (e instanceof PoisonEventException p) {
                throw p;
            }
            throw new PoisonEventException("malformed " + event.type() + " event " + event.id() + ": " + e.getClass().getSimpleName(), e);
        }
    }
}
