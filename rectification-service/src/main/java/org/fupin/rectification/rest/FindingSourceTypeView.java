package org.fupin.rectification.rest;

/** A finding source type as the API shows it. */
public record FindingSourceTypeView(String code, String nameZh, String nameEn, int sortOrder) {
}
