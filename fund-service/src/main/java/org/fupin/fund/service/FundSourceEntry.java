package org.fupin.fund.service;

/** A fund source (资金来源); {@code governmentLevel} is null except for government budget money. */
public record FundSourceEntry(String code, String nameZh, String nameEn, String governmentLevel, int sortOrder) {
}
