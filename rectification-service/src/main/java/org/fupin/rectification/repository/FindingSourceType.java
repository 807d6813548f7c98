package org.fupin.rectification.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A kind of check that produces findings (巡视, 考核, 审计, 督查); reference data seeded by the migrations. */
@Entity
@Table(name = "finding_source_type")
public class FindingSourceType extends PanacheEntityBase {
    @Id
    public String code;
    @Column(name = "name_zh")
    public String nameZh;
    @Column(name = "name_en")
    public String nameEn;
    @Column(name = "sort_order")
    public int sortOrder;
}
