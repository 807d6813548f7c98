package org.fupin.fund.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A source of poverty-alleviation money (资金来源); reference data seeded by the migrations. */
@Entity
@Table(name = "fund_source")
public class FundSource extends PanacheEntityBase {
    @Id
    public String code;
    @Column(name = "name_zh")
    public String nameZh;
    @Column(name = "name_en")
    public String nameEn;
    /** For government budget money (财政资金): central, provincial, city or county; null for every other source. */
    @Column(name = "government_level")
    public String governmentLevel;
    @Column(name = "sort_order")
    public int sortOrder;
}
