/**
 * Events of the fund ledger (资金台账), topic {@code fupin.fund.v1}, key = project id (the aggregate is a project's fund
 * ledger, so one project's money events stay in order; an adjustment publishes one event per side, each under its own
 * project).
 * <p>
 * Every fund event is one ledger entry and carries: {@code entryId} (the entry's id: a consumer counts each entry once,
 * whatever the order or the number of deliveries), {@code projectId}, {@code regionCode} (the project's 12-digit
 * region, so figures per region need no project event), {@code countyCode} (12-digit code of the county the money is
 * managed in), {@code source} (fund-source code; budget money carries its level in the code), {@code amount} (yuan, a
 * positive decimal string with two decimals; the kind of event says its sign), the document, payment order or voucher
 * number and its date, and {@code effectiveDate} (the business date the entry counts from in figures "as of" a day).
 * No personal data: no names, no resident ID numbers.
 */
package org.fupin.contracts.fund;
