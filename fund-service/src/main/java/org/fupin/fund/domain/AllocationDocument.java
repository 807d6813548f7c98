package org.fupin.fund.domain;

import org.fupin.platform.money.Money;
import org.fupin.platform.region.RegionCode;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An allocation document (资金下达文件 / 指标文件): the money of one source for one year that a region above sends to a
 * county. Its lines (资金安排到项目) spread it over projects; {@code lined} is what its lines already take, never more than
 * {@code amount}. A bank loan's credit arriving (到位) is a document of source {@link FundSource#BANK_LOANS}.
 *
 * @param issuingRegion   12-digit code of the issuing government (the receiving county itself or a region above it;
 *                        {@code 000000000000} for the central government)
 * @param receivingCounty 12-digit code of the county receiving it
 * @param lined           the sum of its lines so far
 */
public record AllocationDocument(String id, String documentNumber, LocalDate date, FundSource source, int year,
                                 String issuingRegion, String receivingCounty, Money amount, Money lined) {

    /** Years the office may record (the library's range). */
    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2100;

    public AllocationDocument {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(amount, "amount");
        lined = lined == null ? Money.ZERO : lined;
        if (lined.isNegative() || lined.compareTo(amount) > 0) {
            throw new IllegalStateException("lines of document " + documentNumber + " (" + lined + ") outside 0 … " + amount);
        }
    }

    /** What the document entered through the API or an import carries. */
    public record Input(String documentNumber, LocalDate date, String source, Integer year, String issuingRegion,
                        String receivingCounty, String amount) {
    }

    /**
     * A new document, every field checked; the errors of all fields at once (400, each named).
     *
     * @param today the business day today (a document is never dated in the future)
     */
    public static AllocationDocument create(String id, Input in, LocalDate today) {
        List<Refusal.FieldError> errors = new ArrayList<>();
        String number = collect(errors, () -> Texts.required(in.documentNumber(), "documentNumber", Texts.NUMBER_MAX));
        LocalDate date = collect(errors, () -> BusinessDate.required(in.date(), today, "date"));
        FundSource source = collect(errors, () -> FundSource.parse(in.source(), "source"));
        Money amount = collect(errors, () -> Amounts.parse(in.amount(), "amount"));
        String county = in.receivingCounty();
        if (!Counties.isCounty(county)) {
            errors.add(new Refusal.FieldError("receivingCounty", "must be the 12-digit code of a county, e.g. 522428000000"));
            county = null;
        }
        String issuing = in.issuingRegion();
        if (!RegionCode.isValidCode(issuing)) {
            errors.add(new Refusal.FieldError("issuingRegion", "must be a 12-digit region code (000000000000 for the central government)"));
        } else if (county != null && !RegionCode.isWithin(county, issuing)) {
            errors.add(new Refusal.FieldError("issuingRegion", "must be the receiving county or a region above it"));
        }
        Integer year = in.year();
        if (year == null) {
            errors.add(new Refusal.FieldError("year", "is required"));
        } else if (year < FIRST_YEAR || year > LAST_YEAR) {
            errors.add(new Refusal.FieldError("year", "must be between " + FIRST_YEAR + " and " + LAST_YEAR));
        } else if (date != null && Math.abs(year - date.getYear()) > 1) {
            // 提前下达: next year's money is often issued in the autumn before; a year further off is a typing error
            errors.add(new Refusal.FieldError("year", "must be the year of the document's date, the one before or the one after"));
        }
        if (!errors.isEmpty()) {
            throw Refusal.invalid(errors);
        }
        return new AllocationDocument(id, number, date, source, year, issuing, county, amount, Money.ZERO);
    }

    private static <T> T collect(List<Refusal.FieldError> errors, java.util.function.Supplier<T> check) {
        try {
            return check.get();
        } catch (Refusal r) {
            errors.addAll(r.errors());
            return null;
        }
    }

    /** What its lines may still take. */
    public Money unlined() {
        return amount.minus(lined);
    }

    /** The government level of budget money (central … county), null for other sources. */
    public String governmentLevel() {
        return source.governmentLevel();
    }

    AllocationDocument withLined(Money newLined) {
        return new AllocationDocument(id, documentNumber, date, source, year, issuingRegion, receivingCounty, amount, newLined);
    }
}
