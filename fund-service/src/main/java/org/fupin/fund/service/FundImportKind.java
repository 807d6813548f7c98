package org.fupin.fund.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.fupin.fund.domain.Amounts;
import org.fupin.fund.domain.FundSource;
import org.fupin.fund.domain.Refusal;
import org.fupin.platform.imports.BatchReader;
import org.fupin.platform.imports.ImportFormat;
import org.fupin.platform.imports.ImportKind;
import org.fupin.platform.imports.RowErrors;
import org.fupin.platform.problem.ApiProblem;
import org.fupin.platform.security.Roles;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * Historical fund ledgers (历史台账) as a kind of the platform's bulk import (POST /api/v1/fund-imports): a batch is NDJSON
 * (one ledger line per line: {@code kind} allocation / disbursement / reimbursement / reversal, the project by
 * {@code projectId} or {@code projectCode}, and the fields of the API's command of that kind), CSV or xlsx (the template's
 * Chinese columns, see {@link FundImportTable}). Rows are decided by {@link FundImportService} with the ledger's domain
 * ({@code FundLedger}) under the same locks and invariants as the API, a chunk at a time, in row order (a ledger is
 * ordered: money is allocated before it is paid out and paid out before it is settled).
 * <p>
 * Two kinds share this reading: rows run with the role of the job's kind, so a batch of a {@code fund-approver} is a job
 * of {@link Approved} (its reversal rows are allowed) and a clerk's a job of {@link Clerk} (each reversal row is refused
 * with its own error, the other rows land).
 */
public abstract class FundImportKind implements ImportKind<FundImportRow> {

    static final Set<String> FIELDS = Set.of("kind", "projectId", "projectCode", "source", "amount", "date", "documentNumber",
            "documentAmount", "year", "issuingRegion", "receivingCounty", "paymentOrderNumber", "voucherNumber", "expenseKind",
            "reason");

    @Inject
    ObjectMapper mapper;
    @Inject
    FundImportService imports;

    /** A clerk's batch: allocations, disbursements, reimbursements (a reversal row is refused). */
    @ApplicationScoped
    public static class Clerk extends FundImportKind {
        public static final String NAME = "fund-ledger";

        @Override
        public String name() {
            return NAME;
        }

        @Override
        public String role() {
            return Roles.FUND_CLERK;
        }
    }

    /** An approver's batch: every kind of line, reversals included. */
    @ApplicationScoped
    public static class Approved extends FundImportKind {
        public static final String NAME = "fund-ledger-approved";

        @Override
        public String name() {
            return NAME;
        }

        @Override
        public String role() {
            return Roles.FUND_APPROVER;
        }

        @Override
        public String finishedAction() {
            return Clerk.NAME + ".import.finished";
        }
    }

    @Override
    public String noRows() {
        return "the batch holds no ledger line";
    }

    @Override
    public void parse(ImportFormat format, InputStream in, Path file, RowSink sink) throws IOException {
        FundImportTable table = new FundImportTable(mapper);
        switch (format) {
            case NDJSON -> BatchReader.ndjson(in, sink::row);
            case CSV -> BatchReader.csv(in, (n, values) -> sink.row(n, table.line(values)));
            case XLSX -> BatchReader.xlsx(file, values -> true, (n, values) -> sink.row(n, table.line(values)));
        }
    }

    @Override
    public FundImportRow read(String payload, List<ApiProblem.FieldError> errors) {
        JsonNode node;
        try {
            node = mapper.readTree(payload);
        } catch (JsonProcessingException e) {
            errors.add(RowErrors.unreadable(e));
            return null;
        }
        if (node == null || !node.isObject()) {
            errors.add(new ApiProblem.FieldError("row", "must be a JSON object"));
            return null;
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                errors.add(new ApiProblem.FieldError(name.length() > 60 ? "row" : name, "is not a known field"));
            }
        }
        Texts t = new Texts(node, errors);
        String kindText = t.text("kind");
        FundImportRow.Kind kind = null;
        if (kindText == null) {
            errors.add(new ApiProblem.FieldError("kind", "is required: allocation, disbursement, reimbursement or reversal"));
        } else {
            String k = FundImportTable.KIND_NAMES.getOrDefault(kindText.trim(), kindText.trim().toUpperCase(Locale.ROOT));
            try {
                kind = FundImportRow.Kind.valueOf(k.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new ApiProblem.FieldError("kind", "must be one of allocation, disbursement, reimbursement, reversal"));
            }
        }
        UUID projectId = null;
        String idText = t.text("projectId");
        if (idText != null) {
            try {
                projectId = UUID.fromString(idText.trim());
            } catch (IllegalArgumentException e) {
                errors.add(new ApiProblem.FieldError("projectId", "must be a project id (UUID)"));
            }
        }
        String code = t.text("projectCode");
        if (idText == null && code == null) {
            errors.add(new ApiProblem.FieldError("projectCode", "is required (or projectId)"));
        }
        String source = t.text("source");
        if (source != null) {
            FundSource named = FundImportTable.SOURCE_NAMES.get(source.trim());
            source = named != null ? named.code() : source.trim();
            domain(errors, source, s -> FundSource.parse(s, "source"));
        } else if (kind != null && kind != FundImportRow.Kind.REVERSAL) {
            errors.add(new ApiProblem.FieldError("source", "is required"));
        }
        String amount = t.text("amount");
        if (amount != null) {
            domain(errors, amount, a -> Amounts.parse(a, "amount"));
        } else if (kind != null && kind != FundImportRow.Kind.REVERSAL) {
            errors.add(new ApiProblem.FieldError("amount", "is required"));
        }
        String documentAmount = t.text("documentAmount");
        if (documentAmount != null) {
            domain(errors, documentAmount, a -> Amounts.parse(a, "documentAmount"));
        }
        LocalDate date = null;
        String dateText = t.text("date");
        if (dateText == null) {
            errors.add(new ApiProblem.FieldError("date", "is required"));
        } else {
            try {
                date = LocalDate.parse(dateText.trim());
            } catch (DateTimeParseException e) {
                errors.add(new ApiProblem.FieldError("date", "must be a date (yyyy-MM-dd)"));
            }
        }
        Integer year = null;
        String yearText = t.text("year");
        if (yearText != null) {
            try {
                year = Integer.valueOf(yearText.trim());
            } catch (NumberFormatException e) {
                errors.add(new ApiProblem.FieldError("year", "must be a year such as 2019"));
            }
        }
        String documentNumber = t.text("documentNumber");
        String issuing = t.text("issuingRegion");
        String receiving = t.text("receivingCounty");
        String paymentOrder = t.text("paymentOrderNumber");
        String voucher = t.text("voucherNumber");
        String expenseKind = t.text("expenseKind");
        String reason = t.text("reason");
        if (kind == FundImportRow.Kind.REVERSAL && voucher == null) {
            errors.add(new ApiProblem.FieldError("voucherNumber", "is required: the number of the voucher to reverse"));
        }
        if (!errors.isEmpty()) {
            return null;
        }
        return new FundImportRow(kind, projectId, code == null ? null : code.trim(), source, amount == null ? null : amount.trim(),
                date, documentNumber, documentAmount == null ? null : documentAmount.trim(), year, issuing == null ? null : issuing.trim(),
                receiving == null ? null : receiving.trim(), paymentOrder, voucher == null ? null : voucher.trim(), expenseKind, reason);
    }

    /** Text fields of a row: strings (a year may be a number); an amount sent as a JSON number is refused. */
    private static final class Texts {
        private final JsonNode node;
        private final List<ApiProblem.FieldError> errors;

        Texts(JsonNode node, List<ApiProblem.FieldError> errors) {
            this.node = node;
            this.errors = errors;
        }

        String text(String field) {
            JsonNode v = node.get(field);
            if (v == null || v.isNull()) {
                return null;
            }
            if (v.isTextual()) {
                return v.asText().isBlank() ? null : v.asText();
            }
            if (field.equals("year") && v.isIntegralNumber()) {
                return v.asText();
            }
            errors.add(new ApiProblem.FieldError(field, field.toLowerCase(Locale.ROOT).endsWith("amount")
                    ? "must be a decimal string such as \"1234.50\", not a JSON number" : "must be a string"));
            return null;
        }
    }

    private static void domain(List<ApiProblem.FieldError> errors, String value, java.util.function.Consumer<String> check) {
        try {
            check.accept(value);
        } catch (Refusal r) {
            r.errors().forEach(e -> errors.add(new ApiProblem.FieldError(e.field(), RowErrors.scrub(e.message()))));
        }
    }

    @Override
    public UUID importOne(FundImportRow row) {
        Chunk<FundImportRow> c = new Chunk<>(row);
        imports.importChunk(List.of(c));
        if (c.refusal() != null) {
            throw c.refusal();
        }
        return c.id();
    }

    /** The chunk path decides every row before it writes and never marks the transaction on a refusal. */
    @Override
    public boolean chunked() {
        return true;
    }

    @Override
    public boolean ordered() {
        return true;
    }

    @Override
    public void importChunk(List<Chunk<FundImportRow>> rows) {
        imports.importChunk(rows);
    }
}
