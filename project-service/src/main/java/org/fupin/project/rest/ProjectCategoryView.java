package org.fupin.project.rest;

/** A project category as the API shows it. */
public record ProjectCategoryView(String code, String nameZh, String nameEn, boolean needsBeneficiaries, int sortOrder) {
}
