package org.fupin.project.service;

/** A project category of the national library (项目类别). */
public record ProjectCategoryEntry(String code, String nameZh, String nameEn, boolean needsBeneficiaries, int sortOrder) {
}
