package org.fupin.project.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A category of the national project library (项目库); reference data seeded by the migrations. */
@Entity
@Table(name = "project_category")
public class ProjectCategory extends PanacheEntityBase {
    @Id
    public String code;
    @Column(name = "name_zh")
    public String nameZh;
    @Column(name = "name_en")
    public String nameEn;
    /** Projects of this category must name the households they benefit (带贫户). */
    @Column(name = "needs_beneficiaries")
    public boolean needsBeneficiaries;
    @Column(name = "sort_order")
    public int sortOrder;
}
