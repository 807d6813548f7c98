package org.fupin.fund.rest;

import org.fupin.fund.service.FundSourceEntry;

/** A fund source as the API shows it; {@code governmentLevel} is null except for government budget money. */
public record FundSourceView(String code, String nameZh, String nameEn, String governmentLevel, int sortOrder) {

    static FundSourceView of(FundSourceEntry e) {
        return new FundSourceView(e.code(), e.nameZh(), e.nameEn(), e.governmentLevel(), e.sortOrder());
    }
}
