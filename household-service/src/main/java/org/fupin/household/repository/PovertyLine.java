package org.fupin.household.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Objects;

/** A poverty line (贫困线) an administrator loaded for a province ({@code 00}: the national default) and year. */
@Entity
@Table(name = "poverty_line")
@IdClass(PovertyLine.Key.class)
public class PovertyLine extends PanacheEntityBase {
    @Id
    @Column(name = "province_code")
    public String provinceCode;
    @Id
    public int year;
    public BigDecimal amount;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
    @Column(name = "updated_by")
    public String updatedBy;

    /** The id: province and year. */
    public static class Key implements Serializable {
        public String provinceCode;
        public int year;

        public Key() {
        }

        public Key(String provinceCode, int year) {
            this.provinceCode = provinceCode;
            this.year = year;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.year == year && Objects.equals(k.provinceCode, provinceCode);
        }

        @Override
        public int hashCode() {
            return Objects.hash(provinceCode, year);
        }
    }
}
