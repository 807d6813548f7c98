package org.fupin.fund.rest;

/** A fund source as the API shows it; {@code governmentLevel} is null except for government budget money. */
public record FundSourceView(String code, String nameZh, String nameEn, String governmentLevel, int sortOrder) {
}
