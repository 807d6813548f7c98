package org.fupin.rectification.service;

/** A kind of finding source (巡视, 考核, 审计, 督查). */
public record FindingSourceTypeEntry(String code, String nameZh, String nameEn, int sortOrder) {
}
