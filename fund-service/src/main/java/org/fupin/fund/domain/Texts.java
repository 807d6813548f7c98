package org.fupin.fund.domain;

/** Required and optional texts of the ledger (document, payment order and voucher numbers, reasons). */
final class Texts {
    private Texts() {
    }

    /** Document numbers such as "X财农〔2019〕12号", payment order and voucher numbers. */
    static final int NUMBER_MAX = 100;
    /** Reasons (冲销原因, 调整原因) and expense kinds. */
    static final int TEXT_MAX = 500;

    /** Trimmed, 1 … max characters (400 naming the field). */
    static String required(String text, String field, int max) {
        if (text == null || text.isBlank()) {
            throw Refusal.invalid(field, "is required");
        }
        String t = text.strip();
        if (t.length() > max) {
            throw Refusal.invalid(field, "must have at most " + max + " characters");
        }
        return t;
    }

    /** Trimmed, null when blank, at most max characters. */
    static String optional(String text, String field, int max) {
        return text == null || text.isBlank() ? null : required(text, field, max);
    }
}
